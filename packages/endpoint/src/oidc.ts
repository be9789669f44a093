/**
 * Agents sign in with the authority's OpenID Connect provider (ProConnect, Keycloak, Azure AD…):
 * the authorization code flow with PKCE through openid-client, which checks the ID token's
 * signature, issuer, audience, expiry and nonce. Who may sign in is an allow-list of addresses
 * (or `@domain` entries). A signed-in agent gets a session: a random id in an HttpOnly cookie
 * (`SameSite=Strict`, `Secure` behind HTTPS), its hash and a CSRF token in the store, so every
 * instance knows it and it ends at once when deleted.
 *
 * Between the redirect to the provider and the callback, the state, nonce and PKCE verifier live
 * in a short cookie (HttpOnly, SameSite=Lax so the provider's redirect brings it back) signed
 * with an HMAC under the endpoint's secret: nothing is kept per instance.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import * as client from 'openid-client';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { readCookie, SESSION_COOKIE, sha256 } from './agent-access.js';
import type { Actor, SessionRecord, Store } from './store/types.js';

export interface OidcOptions {
  /** GUICHET_OIDC_ISSUER, e.g. https://auth.ville.example/realms/agents. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** GUICHET_OIDC_ALLOWED_EMAILS: addresses, or `@ville.example` for a whole domain. */
  allowedEmails: string[];
  /** How long a session lasts (8 hours: a working day). */
  sessionMs?: number;
}

const LOGIN_COOKIE = 'guichet_oidc_login';
/** Time to sign in at the provider. */
const LOGIN_MS = 10 * 60_000;

export type SignInOutcome =
  { ok: true; actor: Actor; sessionId: string } | { ok: false; reason: 'not-allowed' | 'refused' | 'expired-login' };

function isLoopback(url: URL): boolean {
  return url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]';
}

export class OidcSignIn {
  private configuration?: Promise<client.Configuration>;
  private readonly key: Buffer;
  private readonly allowed: string[];

  constructor(
    private readonly options: OidcOptions,
    secret: Buffer,
    private readonly store: Store,
    private readonly now: () => Date,
  ) {
    this.key = createHmac('sha256', secret).update('guichet oidc login state').digest();
    this.allowed = options.allowedEmails.map((entry) => entry.trim().toLowerCase()).filter(Boolean);
  }

  /** Discovered on first use (the provider may start after the endpoint); tried again after a failure. */
  private config(): Promise<client.Configuration> {
    if (!this.configuration) {
      const issuer = new URL(this.options.issuer);
      // Validation follows the endpoint's clock (tests move it to see an expired token refused).
      const skew = Math.round((this.now().getTime() - Date.now()) / 1000);
      this.configuration = client
        .discovery(
          issuer,
          this.options.clientId,
          { [client.clockSkew]: skew, [client.clockTolerance]: 5 },
          client.ClientSecretBasic(this.options.clientSecret),
          // Plain HTTP only for a provider on this machine (development, tests).
          isLoopback(issuer) ? { execute: [client.allowInsecureRequests] } : undefined,
        )
        .catch((error: unknown) => {
          this.configuration = undefined;
          throw error;
        });
    }
    return this.configuration;
  }

  private sign(value: string): string {
    return `${value}.${createHmac('sha256', this.key).update(value).digest('base64url')}`;
  }

  private verify(signed: string | undefined): string | undefined {
    if (!signed) return undefined;
    const at = signed.lastIndexOf('.');
    const value = signed.slice(0, at);
    const expected = Buffer.from(this.sign(value));
    const given = Buffer.from(signed);
    return at > 0 && given.length === expected.length && timingSafeEqual(given, expected) ? value : undefined;
  }

  /** Where to send the agent to sign in; sets the login cookie. */
  async start(request: FastifyRequest, reply: FastifyReply): Promise<URL> {
    const config = await this.config();
    const verifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const expires = this.now().getTime() + LOGIN_MS;
    const payload = Buffer.from(JSON.stringify({ verifier, state, nonce, expires })).toString('base64url');
    setCookie(request, reply, LOGIN_COOKIE, this.sign(payload), {
      path: '/desk',
      sameSite: 'Lax',
      maxAgeS: LOGIN_MS / 1000,
    });
    return client.buildAuthorizationUrl(config, {
      redirect_uri: callbackUrl(request),
      scope: 'openid email profile',
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
  }

  /** The provider's answer: the code exchanged and the ID token checked, then the allow-list. */
  async finish(request: FastifyRequest, reply: FastifyReply): Promise<SignInOutcome> {
    const raw = this.verify(readCookie(request, LOGIN_COOKIE));
    setCookie(request, reply, LOGIN_COOKIE, '', { path: '/desk', sameSite: 'Lax', maxAgeS: 0 });
    if (!raw) return { ok: false, reason: 'expired-login' };
    const login = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as {
      verifier: string;
      state: string;
      nonce: string;
      expires: number;
    };
    if (login.expires < this.now().getTime()) return { ok: false, reason: 'expired-login' };
    let claims: Record<string, unknown> | undefined;
    try {
      const config = await this.config();
      const current = new URL(request.url, callbackUrl(request));
      const tokens = await client.authorizationCodeGrant(config, current, {
        pkceCodeVerifier: login.verifier,
        expectedState: login.state,
        expectedNonce: login.nonce,
        idTokenExpected: true,
      });
      const idToken = tokens.claims();
      if (idToken) {
        // Most providers (ProConnect, oidc-provider) give the address through userinfo, not the ID token.
        const profile =
          typeof idToken.email === 'string' ? {} : await client.fetchUserInfo(config, tokens.access_token, idToken.sub);
        claims = { ...profile, ...idToken };
      }
    } catch (error) {
      request.log.warn(
        { err: { message: (error as Error).message, code: (error as { code?: string }).code } },
        'OpenID sign-in refused',
      );
      return { ok: false, reason: 'refused' };
    }
    if (!claims) return { ok: false, reason: 'refused' };
    const email = typeof claims.email === 'string' ? claims.email.toLowerCase() : '';
    if (!email || claims.email_verified === false || !this.isAllowed(email))
      return { ok: false, reason: 'not-allowed' };
    const name = typeof claims.name === 'string' && claims.name.trim() ? claims.name.trim() : email;
    const actor: Actor = { kind: 'oidc', id: String(claims.sub), name };
    const sessionId = randomBytes(32).toString('base64url');
    const createdAt = this.now();
    const session: SessionRecord = {
      actor,
      csrfToken: randomBytes(24).toString('base64url'),
      createdAt: createdAt.toISOString(),
      expiresAt: new Date(createdAt.getTime() + (this.options.sessionMs ?? 8 * 3_600_000)).toISOString(),
    };
    await this.store.transaction(async (tx) => {
      await tx.sessions.insert(sha256(sessionId), session);
      await tx.audit.record({ at: session.createdAt, actor, action: 'session.started', detail: { email } });
    });
    setCookie(request, reply, SESSION_COOKIE, sessionId, {
      path: '/',
      sameSite: 'Strict',
      maxAgeS: Math.round((this.options.sessionMs ?? 8 * 3_600_000) / 1000),
    });
    return { ok: true, actor, sessionId };
  }

  private isAllowed(email: string): boolean {
    const domain = email.slice(email.lastIndexOf('@'));
    return this.allowed.some((entry) => entry === email || (entry.startsWith('@') && entry === domain));
  }
}

function callbackUrl(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}/desk/callback`;
}

/** A cookie of ours: HttpOnly always, Secure when the page came over HTTPS (also behind a trusted proxy). */
export function setCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  name: string,
  value: string,
  options: { path: string; sameSite: 'Strict' | 'Lax'; maxAgeS: number },
): void {
  const parts = [
    `${name}=${value}`,
    `Path=${options.path}`,
    'HttpOnly',
    `SameSite=${options.sameSite}`,
    `Max-Age=${options.maxAgeS}`,
  ];
  if (request.protocol === 'https') parts.push('Secure');
  const previous = reply.getHeader('Set-Cookie');
  const cookies = previous === undefined ? [] : Array.isArray(previous) ? previous.map(String) : [String(previous)];
  reply.header('Set-Cookie', [...cookies, parts.join('; ')]);
}
