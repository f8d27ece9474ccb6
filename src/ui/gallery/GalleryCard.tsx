import { useId } from 'react';
import type { Preset } from '../../scenario/presets/index.ts';
import type { PresetPreview } from './presetPreview.ts';
import { PresetThumbnail, THUMBNAIL_HEIGHT_PX, THUMBNAIL_WIDTH_PX } from './PresetThumbnail.tsx';

export interface GalleryCardProps {
  preset: Pick<Preset, 'name' | 'title' | 'summary' | 'source'>;
  /** Undefined while the run is still being computed. */
  preview: PresetPreview | undefined;
  /** The preset open in the playground now. */
  current: boolean;
  onChoose: (name: string) => void;
}

/** The verdict in the checker's words: SAFE or UNSAFE, and "deadlock" when a key can never be freed. */
function VerdictBadges({ preview }: { preview: PresetPreview | undefined }) {
  if (preview === undefined) return <span className="gallery-verdict gallery-verdict-pending">running…</span>;
  if (!preview.ok) return <span className="gallery-verdict gallery-verdict-error">cannot run</span>;
  return (
    <>
      <span className={`gallery-verdict ${preview.safe ? 'gallery-verdict-safe' : 'gallery-verdict-unsafe'}`} data-testid="gallery-verdict">
        {preview.safe ? 'SAFE' : 'UNSAFE'}
      </span>
      {/* A space, so a screen reader says "SAFE deadlock", not one word. */}
      {preview.deadlocked && ' '}
      {preview.deadlocked && <span className="gallery-verdict gallery-verdict-deadlock">deadlock</span>}
    </>
  );
}

/**
 * One preset as a button: its title and S-number, a one-line summary, the verdict and a
 * thumbnail of the run. The accessible name is the title and S-number; the summary and the
 * verdict are its description, so a screen reader hears the name first.
 */
export function GalleryCard({ preset, preview, current, onChoose }: GalleryCardProps) {
  const id = useId();
  return (
    <button
      type="button"
      className="gallery-card"
      data-testid="gallery-card"
      data-preset={preset.name}
      aria-label={`${preset.title} (${preset.source})`}
      aria-describedby={`${id}-summary ${id}-verdict`}
      aria-current={current ? 'true' : undefined}
      onClick={() => onChoose(preset.name)}
    >
      <span className="gallery-card-head">
        <span className="gallery-source">{preset.source}</span>
        <span className="gallery-card-title">{preset.title}</span>
        <span className="gallery-verdicts" id={`${id}-verdict`}>
          <VerdictBadges preview={preview} />
        </span>
      </span>
      <span className="gallery-summary" id={`${id}-summary`}>
        {preset.summary}
      </span>
      <span className="gallery-thumb-box" style={{ width: THUMBNAIL_WIDTH_PX, height: THUMBNAIL_HEIGHT_PX }}>
        {preview?.ok === true && <PresetThumbnail preview={preview.preview} />}
        {preview?.ok === false && (
          <span className="gallery-thumb-error" title={preview.error}>
            {preview.error}
          </span>
        )}
      </span>
    </button>
  );
}
