import { checkLogin, envCredentials, hasCliPlugin, NOT_LOGGED_IN, optionValue, parseProfiles } from './twilioCli';

describe('reading the Twilio CLI', () => {
  it('finds a plugin in `twilio plugins` output, by its exact name', () => {
    const output = '@twilio-labs/plugin-flex 7.1.0\n@twilio-labs/plugin-serverless 3.2.1 (link) /home/me/plugin\n';
    expect(hasCliPlugin(output, '@twilio-labs/plugin-serverless')).toBe(true);
    expect(hasCliPlugin(output, '@twilio-labs/plugin-flex')).toBe(true);
    expect(hasCliPlugin('@twilio-labs/plugin-flex-extra 1.0.0\n', '@twilio-labs/plugin-flex')).toBe(false);
    expect(hasCliPlugin('No plugins installed.\n', '@twilio-labs/plugin-flex')).toBe(false);
  });

  it('reads profiles from -o json and from the column output', () => {
    const json = JSON.stringify([
      { id: 'default', accountSid: 'AC1', active: false },
      { id: 'prod', accountSid: 'AC2', active: true },
    ]);
    expect(parseProfiles(json)).toEqual([
      { id: 'default', active: false },
      { id: 'prod', active: true },
    ]);
    const columns =
      'ID       Account SID                         Active\ndefault  AC11111111111111111111111111111111  true\n';
    expect(parseProfiles(columns)).toEqual([{ id: 'default', active: true }]);
    expect(parseProfiles('')).toEqual([]);
  });

  it('knows which environment credentials the CLI takes', () => {
    expect(envCredentials({ TWILIO_ACCOUNT_SID: 'AC1', TWILIO_API_KEY: 'SK1', TWILIO_API_SECRET: 's' })).toBe(
      'api-key',
    );
    expect(envCredentials({ TWILIO_ACCOUNT_SID: 'AC1', TWILIO_AUTH_TOKEN: 't' })).toBe('auth-token');
    expect(envCredentials({ TWILIO_API_KEY: 'SK1', TWILIO_API_SECRET: 's' })).toBe('partial');
    expect(envCredentials({})).toBeUndefined();
  });

  it('follows the CLI precedence: --profile, then the environment, then the active profile', () => {
    const profiles = JSON.stringify([{ id: 'default', active: true }]);
    const env = { TWILIO_ACCOUNT_SID: 'AC1', TWILIO_AUTH_TOKEN: 't' };
    expect(checkLogin(env, 'default', () => profiles)).toMatchObject({ ok: true, profileId: 'default' });
    expect(checkLogin(env, undefined, () => profiles)).toMatchObject({ ok: true, profileId: undefined });
    expect(checkLogin({}, undefined, () => profiles)).toMatchObject({ ok: true, profileId: 'default' });
    expect(checkLogin({}, undefined, () => '')).toEqual({ ok: false, problem: NOT_LOGGED_IN });
  });

  it('reads option values in both spellings, the last one winning', () => {
    expect(optionValue(['--profile', 'a'], ['--profile', '-p'])).toBe('a');
    expect(optionValue(['--profile=b'], ['--profile', '-p'])).toBe('b');
    expect(optionValue(['-p', 'a', '--profile=c'], ['--profile', '-p'])).toBe('c');
    expect(optionValue(['--profile'], ['--profile', '-p'])).toBeUndefined();
  });
});
