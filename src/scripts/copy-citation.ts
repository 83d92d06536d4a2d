/**
 * The "Sao chép trích dẫn" button of a plan page. The button is hidden in the
 * HTML and shown here, so that without JavaScript there is no dead button,
 * only the citation text, which stays selectable.
 */
const COPIED = 'Đã sao chép trích dẫn.';
const FAILED = 'Không sao chép được; hãy chọn đoạn trích dẫn và sao chép bằng tay.';

function selectText(el: Element): void {
  const range = document.createRange();
  range.selectNodeContents(el);
  const selection = window.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
}

async function copy(button: HTMLButtonElement): Promise<void> {
  const text = document.getElementById(button.dataset.copyCitation ?? '');
  const status = document.getElementById(button.dataset.status ?? '');
  if (!text || !status) return;
  try {
    await navigator.clipboard.writeText((text.textContent ?? '').trim());
    status.textContent = COPIED;
  } catch {
    // No clipboard (an insecure origin, a refused permission): select it for the reader.
    selectText(text);
    status.textContent = FAILED;
  }
}

for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-copy-citation]')) {
  button.addEventListener('click', () => void copy(button));
  button.hidden = false;
}
