/** What a panel or step shows while its code loads: a title-sized skeleton, announced as "Loading". */
export function LoadingBlock({ className = "" }: { className?: string }) {
  return (
    <div className={`${className} step-loading`.trim()} role="status">
      <span className="skeleton skeleton--title" aria-hidden="true" />
      <span className="visually-hidden">Loading</span>
    </div>
  );
}
