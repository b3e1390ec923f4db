// Engine messages quote commands and paths in `backticks`; show those as code.
export function TextWithCode({ text }: { readonly text: string }) {
  const parts = text.split('`');
  // An odd count of backticks leaves the last one unmatched: keep the text as is.
  if (parts.length % 2 === 0) return <>{text}</>;
  return <>{parts.map((part, i) => (i % 2 === 1 ? <code key={i}>{part}</code> : part))}</>;
}
