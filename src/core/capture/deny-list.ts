/** Why a URL is off limits by default. Each category can be overridden by a user allow pattern. */
export type DenyCategory = 'intranet' | 'banking' | 'health' | 'password-manager' | 'sign-in' | 'webmail' | 'payment';

const host = (url: URL) => url.hostname.toLowerCase().replace(/^\[|\]$/g, '');

const inList = (hostname: string, domains: readonly string[]) => domains.some((d) => hostname === d || hostname.endsWith(`.${d}`));

const isPrivateIp = (h: string): boolean => {
  const v4 = /^(\d{1,3})\.(\d{1,3})\.\d{1,3}\.\d{1,3}$/.exec(h);
  if (v4) {
    const [a, b] = [Number(v4[1]), Number(v4[2])];
    return a === 127 || a === 10 || a === 0 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254) || (a === 100 && b >= 64 && b <= 127);
  }
  return h === '::1' || /^f[cd][0-9a-f]{2}:/.test(h) || /^fe80:/.test(h);
};

const INTRANET_SUFFIXES = ['localhost', 'local', 'internal', 'intranet', 'lan', 'corp', 'home.arpa', 'home', 'test'];

const BANKING = [
  'paypal.com', 'chase.com', 'wellsfargo.com', 'bankofamerica.com', 'citi.com', 'citibank.com', 'usbank.com', 'capitalone.com',
  'americanexpress.com', 'discover.com', 'schwab.com', 'fidelity.com', 'vanguard.com', 'hsbc.com', 'hsbc.co.uk', 'barclays.co.uk',
  'lloydsbank.com', 'natwest.com', 'santander.com', 'revolut.com', 'wise.com', 'monzo.com', 'n26.com', 'ing.com', 'ing.de',
  'sparkasse.de', 'commerzbank.de', 'deutsche-bank.de', 'bnpparibas', 'credit-agricole.fr', 'societegenerale.fr', 'coinbase.com',
  'binance.com', 'kraken.com', 'venmo.com', 'cash.app', 'robinhood.com', 'etrade.com', 'mint.intuit.com', 'ally.com', 'sofi.com',
];
const HEALTH = [
  'mychart.com', 'mychart.org', 'kaiserpermanente.org', 'zocdoc.com', 'teladoc.com', 'betterhelp.com', 'talkspace.com',
  'goodrx.com', '23andme.com', 'ancestry.com', 'patient.info', 'myhealth.va.gov', 'healthvault.com', 'doctolib.fr', 'doctolib.de',
  'cvs.com', 'walgreens.com', 'nhsapp.service.nhs.uk', 'labcorp.com', 'questdiagnostics.com', 'followmyhealth.com', 'athenahealth.com',
];
const PASSWORD_MANAGERS = [
  '1password.com', '1password.eu', 'lastpass.com', 'bitwarden.com', 'bitwarden.eu', 'dashlane.com', 'keepersecurity.com',
  'nordpass.com', 'roboform.com', 'passwords.google.com', 'pass.proton.me', 'enpass.io', 'keeper.io',
];
const WEBMAIL = [
  'mail.google.com', 'inbox.google.com', 'outlook.live.com', 'outlook.office.com', 'outlook.office365.com', 'mail.yahoo.com',
  'mail.proton.me', 'mail.protonmail.com', 'app.fastmail.com', 'mail.aol.com', 'mail.zoho.com', 'mail.yandex.ru', 'mail.gmx.net',
  'navigator.gmx.net', 'web.de', 'tutanota.com', 'app.tuta.com', 'hey.com',
];

const HOST_WORD = (words: string) => new RegExp(`(^|[.-])(${words})([.-]|$)`);
const BANK_WORDS = HOST_WORD('bank|banking|onlinebanking|netbank|ebanking|banque|bankofamerica|creditunion|fcu');
const HEALTH_WORDS = HOST_WORD('mychart|patient|patients|patientportal|myhealth|telehealth|pharmacy|clinic|hospital');
const SIGN_IN_HOSTS = /^(login|signin|sign-in|auth|sso|accounts?|id|idp|myaccount|secure|passport)\./;
const WEBMAIL_HOSTS = /^(mail|webmail|email|inbox|owa)\./;
const SIGN_IN_PATH =
  /(^|\/)(log-?in|sign-?in|sign_in|sign-?up|register|auth|oauth2?|sso|saml|account|accounts|myaccount|my-account|profile\/security|settings\/(security|password|account)|password|passwords|reset|forgot|2fa|mfa|verify|session|logout|wp-login\.php|wp-admin)(\/|$|\.|\?)/i;
const PAYMENT_PATH = /(^|\/)(checkout|billing|payment|payments|pay|wallet|cart\/checkout)(\/|$|\.)/i;

/** The default deny list: pure rules over the URL alone, so they hold before any page content is read. */
export const defaultDenyCategory = (raw: string): DenyCategory | null => {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'intranet';
  }
  const h = host(url);
  if (isPrivateIp(h) || !h.includes('.') || INTRANET_SUFFIXES.some((s) => h === s || h.endsWith(`.${s}`))) return 'intranet';
  if (inList(h, PASSWORD_MANAGERS)) return 'password-manager';
  if (inList(h, WEBMAIL) || WEBMAIL_HOSTS.test(h) || (h === 'icloud.com' && url.pathname.startsWith('/mail'))) return 'webmail';
  if (inList(h, BANKING) || BANK_WORDS.test(h)) return 'banking';
  if (inList(h, HEALTH) || HEALTH_WORDS.test(h)) return 'health';
  if (SIGN_IN_HOSTS.test(h) || SIGN_IN_PATH.test(url.pathname)) return 'sign-in';
  if (PAYMENT_PATH.test(url.pathname)) return 'payment';
  return null;
};
