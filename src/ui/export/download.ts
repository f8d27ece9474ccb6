/**
 * Saves a file from the page: an <a download> pointing at an object URL, clicked, then the
 * URL revoked. Browser only.
 */
export function downloadBlob(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked a little later, not at once: some browsers (Firefox, Safari) start reading the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function downloadText(name: string, mime: string, text: string): void {
  downloadBlob(name, new Blob([text], { type: mime }));
}
