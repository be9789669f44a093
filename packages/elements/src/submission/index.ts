export { SubmissionController } from './submission-controller.js';
export { submissionStyles } from './submission.styles.js';
export { submissionText, type SubmissionText } from './messages.js';
export type { SendRequest, SubmissionControllerApi, SubmissionPhase, UploadProgress } from './types.js';
