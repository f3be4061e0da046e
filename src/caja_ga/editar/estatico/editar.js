// Revisión mientras se escribe: manda el formulario a /validar (este mismo servidor) y pone cada
// mensaje junto a su campo. Sin este archivo el formulario funciona igual con «Revisar».
"use strict";

(function () {
  const formulario = document.getElementById("formulario");
  if (!formulario) {
    return;
  }
  const direccion = formulario.dataset.validar;
  const estado = document.getElementById("estado");
  const resumen = document.getElementById("resumen");
  let espera = null;
  let turno = 0;

  function limpiar() {
    for (const caja of formulario.querySelectorAll(".mensajes")) {
      caja.replaceChildren();
    }
    for (const campo of formulario.querySelectorAll("[aria-invalid]")) {
      campo.setAttribute("aria-invalid", "false");
    }
  }

  function mostrar(datos) {
    limpiar();
    const lista = document.createElement("ul");
    for (const mensaje of datos.mensajes) {
      const caja = document.getElementById("error." + mensaje.nombre);
      if (caja) {
        const parrafo = document.createElement("p");
        parrafo.className = mensaje.clase;
        parrafo.textContent = mensaje.texto;
        caja.appendChild(parrafo);
      }
      const campo = document.getElementById("campo." + mensaje.nombre);
      if (campo && campo.hasAttribute("aria-invalid")) {
        campo.setAttribute("aria-invalid", "true");
      }
      const enlace = document.createElement("a");
      enlace.href = mensaje.nombre ? "#campo." + mensaje.nombre : "#formulario";
      enlace.textContent = mensaje.texto;
      const elemento = document.createElement("li");
      elemento.appendChild(enlace);
      lista.appendChild(elemento);
    }
    const titulo = document.getElementById("resumen-titulo");
    titulo.textContent = datos.titulo;
    resumen.querySelector("ul").replaceWith(lista);
    resumen.hidden = datos.mensajes.length === 0;
    estado.textContent = datos.mensajes.length === 0 ? "Sin problemas en este archivo." : datos.titulo + ".";
  }

  function revisar() {
    const este = ++turno;
    fetch(direccion, {
      method: "POST",
      body: new URLSearchParams(new FormData(formulario)),
      credentials: "same-origin",
    })
      .then(function (respuesta) {
        return respuesta.ok ? respuesta.json() : null;
      })
      .then(function (datos) {
        if (datos && este === turno) {
          mostrar(datos);
        }
      })
      .catch(function () {
        estado.textContent = "No se pudo revisar: ¿sigue abierto «caja-ga editar» en la terminal?";
      });
  }

  // Un enlace del resumen lleva el foco al campo, no solo la vista: así el teclado y el lector
  // de pantalla quedan en el campo que hay que corregir.
  resumen.addEventListener("click", function (evento) {
    const enlace = evento.target.closest("a");
    const destino = enlace && document.getElementById(enlace.hash.slice(1));
    if (destino) {
      evento.preventDefault();
      destino.focus();
      destino.scrollIntoView({ block: "center" });
    }
  });

  formulario.addEventListener("input", function () {
    clearTimeout(espera);
    espera = setTimeout(revisar, 400);
  });
  formulario.addEventListener("change", function () {
    clearTimeout(espera);
    revisar();
  });
})();
