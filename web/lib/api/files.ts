import { gateway, gatewayResponse, uploadTimeout } from '@/lib/gateway';
import type { FileReport } from '@/lib/types';
import type { components } from './schema';

/** The column mapping the tenant's latest upload that had one was read with. */
export type SavedMapping = components['schemas']['SavedMapping'];

/** Every file's ingest report, oldest first. */
export function fileReports(): Promise<FileReport[]> {
  return gateway<FileReport[]>('/files');
}

export function savedMapping(): Promise<SavedMapping> {
  return gateway<SavedMapping>('/column-mapping');
}

/**
 * Passes an upload (a multipart request to this server) on to the gateway as it arrives; it may take as long as
 * {@link uploadTimeout} says, not the short deadline of the other calls.
 */
export function uploadFile(upload: Request): Promise<Response> {
  return passOn('/files', upload);
}

/** Passes a preview request (the file's first part, the mapping) on to the gateway. */
export function previewFile(preview: Request): Promise<Response> {
  return passOn('/files/preview', preview);
}

function passOn(path: string, request: Request): Promise<Response> {
  return gatewayResponse(path, {
    method: 'POST',
    headers: { 'Content-Type': request.headers.get('content-type') ?? 'multipart/form-data' },
    body: request.body,
    // @ts-expect-error Node's fetch needs this to stream a request body
    duplex: 'half',
  }, uploadTimeout());
}
