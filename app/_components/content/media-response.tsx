"use client";

import { useEffect, useRef, useState } from "react";

/** Media responses are loaded from their URL; only web URLs (import refuses the rest). */
export function isWebUrl(url: string): boolean {
  return /^https?:\/\/[^\s]+$/i.test(url);
}

function Unsupported({ url }: { url: string }) {
  return (
    <p className="text-sm text-red-700">This response&apos;s address cannot be shown: {url}</p>
  );
}

/**
 * An image response in a box of the same size as the other responses' (so neither looks
 * better for being bigger); a click opens the full image, Escape closes it.
 */
export function ImageResponse({ url, label, inline = false }: { url: string; label: string; inline?: boolean }) {
  const [zoomed, setZoomed] = useState(false);
  if (!isWebUrl(url)) return <Unsupported url={url} />;
  // A prompt's image sits in the conversation: a thumbnail, so the responses stay in view.
  const box = inline ? "h-48 w-full max-w-sm" : "aspect-square max-h-[60vh] w-full";
  return (
    <>
      <button
        type="button"
        className={`block ${box} cursor-zoom-in overflow-hidden rounded-md bg-slate-100`}
        aria-label={`Zoom into ${label}`}
        onClick={() => setZoomed(true)}
      >
        <img
          src={url}
          alt={label}
          className="h-full w-full object-contain"
          referrerPolicy="no-referrer"
        />
      </button>
      {zoomed && <ImageZoom url={url} label={label} onClose={() => setZoomed(false)} />}
    </>
  );
}

function ImageZoom({ url, label, onClose }: { url: string; label: string; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      dialog?.close();
      previous?.focus();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      aria-label={`${label}, full size`}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      onClick={(event) => {
        if (event.target === event.currentTarget) onClose();
      }}
      className="m-auto max-h-[95vh] max-w-[95vw] rounded-lg bg-white p-2 shadow-xl backdrop:bg-black/70"
    >
      <div className="mb-2 flex justify-end">
        <button type="button" className="btn" onClick={onClose}>
          Close <span className="kbd">Esc</span>
        </button>
      </div>
      <img src={url} alt={label} className="max-h-[85vh] max-w-full" referrerPolicy="no-referrer" />
    </dialog>
  );
}

/** An audio response: the browser's own player, never autoplaying; only its length is fetched. */
export function AudioResponse({ url, label }: { url: string; label: string }) {
  if (!isWebUrl(url)) return <Unsupported url={url} />;
  return <audio controls preload="metadata" src={url} aria-label={label} className="w-full" />;
}
