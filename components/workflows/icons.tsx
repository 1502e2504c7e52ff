/** Tiny inline icons (emoji fonts are not guaranteed, e.g. on Linux servers and in CI screenshots). */

export function ErrorIcon({ className = "" }: { className?: string }) {
  return (
    <svg aria-hidden viewBox="0 0 16 16" className={`inline-block h-3.5 w-3.5 shrink-0 ${className}`}>
      <circle cx="8" cy="8" r="7" className="fill-red-600" />
      <rect x="7" y="3.5" width="2" height="6" rx="1" className="fill-white" />
      <circle cx="8" cy="12" r="1.1" className="fill-white" />
    </svg>
  );
}

export function WarningIcon({ className = "" }: { className?: string }) {
  return (
    <svg aria-hidden viewBox="0 0 16 16" className={`inline-block h-3.5 w-3.5 shrink-0 ${className}`}>
      <path d="M8 1.5 15 14.5H1Z" className="fill-amber-500" strokeLinejoin="round" />
      <rect x="7.1" y="5.5" width="1.8" height="5" rx="0.9" className="fill-white" />
      <circle cx="8" cy="12.4" r="0.95" className="fill-white" />
    </svg>
  );
}

export function ClockIcon({ className = "" }: { className?: string }) {
  return (
    <svg aria-hidden viewBox="0 0 16 16" className={`inline-block h-3 w-3 shrink-0 ${className}`} fill="none" stroke="currentColor" strokeWidth="1.6">
      <circle cx="8" cy="8" r="6.2" />
      <path d="M8 4.5V8l2.5 1.8" strokeLinecap="round" />
    </svg>
  );
}
