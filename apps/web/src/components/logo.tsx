// The Meshplane mark: a small mesh of nodes on a plane.
export function Logo({ size = 32 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" role="img" aria-label="Meshplane logo">
      <rect x="1" y="1" width="30" height="30" rx="8" fill="var(--accent)" />
      <g stroke="#fff" strokeWidth="1.6" strokeLinecap="round" opacity="0.85">
        <line x1="9" y1="10" x2="22" y2="8" />
        <line x1="9" y1="10" x2="11" y2="22" />
        <line x1="22" y1="8" x2="23" y2="21" />
        <line x1="11" y1="22" x2="23" y2="21" />
        <line x1="9" y1="10" x2="23" y2="21" />
      </g>
      <g fill="#fff">
        <circle cx="9" cy="10" r="2.6" />
        <circle cx="22" cy="8" r="2.2" />
        <circle cx="11" cy="22" r="2.2" />
        <circle cx="23" cy="21" r="2.8" />
      </g>
    </svg>
  );
}
