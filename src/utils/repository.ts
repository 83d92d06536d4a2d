/**
 * Addresses in the archive's repository, where entries are added and corrected.
 */
import { REPOSITORY_BRANCH, REPOSITORY_URL } from '../config.ts';

const repo = () => REPOSITORY_URL.replace(/\/+$/, '');

/** A file of the repository: to read (`blob`), edit (`edit`) or see its history (`commits`). */
export function repositoryFile(path: string, view: 'blob' | 'edit' | 'commits' = 'blob'): string {
  return `${repo()}/${view}/${REPOSITORY_BRANCH}/${path.replace(/^\/+/, '')}`;
}

/** The contributors' guide: how to add a plan. */
export const CONTRIBUTING_URL = repositoryFile('CONTRIBUTING.md');

/** Where readers report an error without editing a file. */
export const ISSUES_URL = `${repo()}/issues`;
