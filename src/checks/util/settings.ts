// Reads typed values from a check's free-form config settings, falling back to documented defaults.
import type { CheckSettings } from '../check.js';

export function numberSetting(settings: CheckSettings, key: string, fallback: number): number {
  const value = settings[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

export function stringListSetting(settings: CheckSettings, key: string): string[] {
  const value = settings[key];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

export function booleanSetting(settings: CheckSettings, key: string, fallback: boolean): boolean {
  const value = settings[key];
  return typeof value === 'boolean' ? value : fallback;
}
