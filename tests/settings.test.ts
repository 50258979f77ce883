import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, readSettings, siteOf } from '../utils/settings';
import { isListedSite, siteState } from '../utils/sites';

describe('readSettings', () => {
  it('gives the defaults for nothing stored, or for something that is not settings', () => {
    for (const stored of [undefined, null, 42, 'settings', []]) expect(readSettings(stored)).toEqual(DEFAULT_SETTINGS);
  });

  it('keeps every valid field and defaults only the broken ones', () => {
    const stored = {
      style: 'underline',
      mentions: 'sometimes',
      hoverDelayMs: 400,
      theme: 'dark',
      trigger: 7,
      disabledSites: ['www.reuters.com', 'not a host!'],
      enabledSites: ['example.org'],
      categories: { person: { enabled: false, color: 'red' }, firm: { enabled: 'yes', color: 'blue' } },
      unknownField: true,
    };
    const settings = readSettings(stored);
    expect(settings.style).toBe('underline');
    expect(settings.hoverDelayMs).toBe(400);
    expect(settings.theme).toBe('dark');
    expect(settings.enabledSites).toEqual(['example.org']);
    expect(settings.mentions).toBe(DEFAULT_SETTINGS.mentions);
    expect(settings.trigger).toBe(DEFAULT_SETTINGS.trigger);
    // A list with one bad entry is not trusted as a whole.
    expect(settings.disabledSites).toEqual([]);
    expect(settings.categories.person).toEqual({ enabled: false, color: 'red' });
    expect(settings.categories.firm).toEqual(DEFAULT_SETTINGS.categories.firm);
    expect(settings.categories.project).toEqual(DEFAULT_SETTINGS.categories.project);
    expect(settings).not.toHaveProperty('unknownField');
  });

  it('rejects delays outside the range the options page offers', () => {
    expect(readSettings({ hoverDelayMs: -5 }).hoverDelayMs).toBe(DEFAULT_SETTINGS.hoverDelayMs);
    expect(readSettings({ hoverDelayMs: 60_000 }).hoverDelayMs).toBe(DEFAULT_SETTINGS.hoverDelayMs);
    expect(readSettings({ hoverDelayMs: 0 }).hoverDelayMs).toBe(0);
  });
});

describe('sites', () => {
  it('knows listed sites and their subdomains, not look-alikes', () => {
    expect(isListedSite('www.reuters.com')).toBe(true);
    expect(isListedSite('reuters.com')).toBe(true);
    expect(isListedSite('notreuters.com')).toBe(false);
    expect(isListedSite('reuters.com.example.org')).toBe(false);
  });

  it('says whether the lens runs on a site', () => {
    const settings = { ...DEFAULT_SETTINGS, disabledSites: ['www.bbc.com'], enabledSites: ['blog.example.org'] };
    expect(siteState('www.reuters.com', settings)).toBe('on');
    expect(siteState('www.bbc.com', settings)).toBe('off');
    expect(siteState('blog.example.org', settings)).toBe('on');
    expect(siteState('example.org', settings)).toBe('not-enabled');
    expect(siteState('example.org', { ...settings, allSites: true })).toBe('on');
  });

  it('reads the host of pages the lens can run on only', () => {
    expect(siteOf('https://WWW.Reuters.com/world/')).toBe('www.reuters.com');
    expect(siteOf('chrome://extensions')).toBeUndefined();
    expect(siteOf('not a url')).toBeUndefined();
  });
});
