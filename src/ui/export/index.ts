/** Export (timeline SVG/PNG, trace, scenario) and import (Open file…, drop a file on the page). */
export { downloadBlob, downloadText } from './download.ts';
export { ExportMenu } from './ExportMenu.tsx';
export { scenarioDocument, type TraceFile, traceDocument } from './exportDocuments.ts';
export { fileNameFor } from './fileName.ts';
export { ImportButton } from './ImportButton.tsx';
export { type ImportedFile, parseImportedFile } from './parseImportedFile.ts';
export { svgToPngBlob } from './svgToPng.ts';
export { type SvgDocument, type TimelineSvgOptions, timelineSvg, timelineSvgDocument } from './timelineSvg.ts';
export { useFileDrop } from './useFileDrop.tsx';
