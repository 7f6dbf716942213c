import { describe, expect, test } from 'vitest';
import { ibanValid, luhnValid } from './checksums';
import { scrubPii } from './scrub';

const positives: [string, string, string][] = [
  ['email', 'write to jane.doe+news@example.co.uk today', 'write to [email] today'],
  ['email', 'Contact: BOB_smith99@mail.example.org.', 'Contact: [email].'],
  ['email', 'mail me at jane (at) example.com', 'mail me at [email]'],
  ['phone', 'call +1 415 555 0132 now', 'call [phone] now'],
  ['phone', 'call (415) 555-0132 now', 'call [phone] now'],
  ['phone', 'US 415-555-0132', 'US [phone]'],
  ['phone', 'dots 415.555.0132', 'dots [phone]'],
  ['phone', 'UK 020 7946 0958', 'UK [phone]'],
  ['phone', 'mobile 07700 900123', 'mobile [phone]'],
  ['phone', 'DE +49 30 12345678', 'DE [phone]'],
  ['phone', 'FR +33 1 42 68 53 00', 'FR [phone]'],
  ['phone', 'compact +447700900123', 'compact [phone]'],
  ['card', 'card 4111 1111 1111 1111 exp', 'card [card] exp'],
  ['card', 'card 4111-1111-1111-1111', 'card [card]'],
  ['card', 'amex 378282246310005', 'amex [card]'],
  ['card', 'mc 5555555555554444.', 'mc [card].'],
  ['iban', 'IBAN DE89 3704 0044 0532 0130 00 please', 'IBAN [iban] please'],
  ['iban', 'to GB82WEST12345698765432', 'to [iban]'],
  ['iban', 'fr FR1420041010050500013M02606', 'fr [iban]'],
  ['national-id', 'SSN 123-45-6789', 'SSN [national-id]'],
  ['national-id', 'my ssn is 219-09-9999', 'my ssn is [national-id]'],
  ['national-id', 'NI number QQ 12 34 56 C', 'NI number [national-id]'],
  ['national-id', 'NI AB123456C', 'NI [national-id]'],
  ['national-id', 'Passport no. 533380006', 'Passport no. [national-id]'],
  ['national-id', 'Aadhaar 2345 6789 0123', 'Aadhaar [national-id]'],
  ['national-id', 'personnummer: 811218-9876', 'personnummer: [national-id]'],
  ['secret', 'key AKIAIOSFODNN7EXAMPLE here', 'key [secret] here'],
  ['secret', 'ghp_abcdefghijklmnopqrstuvwxyz0123456789', '[secret]'],
  ['secret', 'sk_live_4eC39HqLyjWDarjtT1zdp7dc', '[secret]'],
  ['secret', 'OPENAI sk-proj-AbCdEfGhIjKlMnOpQrStUvWx1234', 'OPENAI [secret]'],
  ['secret', 'xoxb-123456789012-abcdefghijkl', '[secret]'],
  ['secret', 'AIzaSyD-1234567890abcdefghijklmnopqrstu', '[secret]'],
  ['secret', 'jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U', 'jwt [secret]'],
  ['secret', 'api_key=Zx81hQ2pL0', 'api_key=[secret]'],
  ['secret', 'password: hunter2!', 'password: [secret]'],
  ['secret', 'Authorization: Bearer abc123DEF456ghi', 'Authorization: Bearer [secret]'],
  ['secret', 'hash 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08', 'hash [secret]'],
  ['glued', '16Passport number: X98765432.17token: AKIAIOSFODNN7EXAMPLE18', '16Passport number: [national-id]token: [secret]'],
  ['glued', 'or (415) 555-0198Paragraph', 'or [phone]Paragraph'],
  ['glued', 'IBAN GB82WEST12345698765432Paragraph', 'IBAN [iban]Paragraph'],
  ['glued', 'sig.c2lnbmF0dXJlLW5vdC1yZWFsLWJ1dC1sb25napi_key=Zq81hQ2pL0vX', 'sig.[secret]=[secret]'],
  ['secret', '-----BEGIN RSA PRIVATE KEY-----\nMIIEow\n-----END RSA PRIVATE KEY-----', '[secret]'],
];

const negatives = [
  'The meeting is on 2024-01-15 at 10:30.',
  'Version 1.2.3 fixed it; 10.0.19045 is Windows.',
  'It cost $1,299.99 and weighed 12.5 kg.',
  'Population: 1 000 000 people in 1990-2000.',
  'Order 4111 1111 1111 1112 failed the checksum.',
  'Call me at noon; room 221B Baker Street.',
  'The year 2023 had 365 days and 8760 hours.',
  'ISBN 978-3-16-148410-0 is a book.',
  'Use the @example handle or #hashtag.',
  'The password field is required.',
  'A token of appreciation.',
  'Score 3-2 with 45,000 fans on 12/05/2023.',
  'HTTP 404 and 500 errors at 127.0.0.1:8080.',
  'Lorem ipsum dolor sit amet, consectetur adipiscing elit.',
  'My SSN is private and I will not share it.',
  'Price list: 12 34 56',
  'abcdefghijklmnopqrstuvwxyzabcdefghijklmnop is letters only',
];

describe('scrubPii', () => {
  test.each(positives)('%s: %s', (_kind, input, expected) => {
    expect(scrubPii(input)).toBe(expected);
  });

  test.each(negatives)('leaves ordinary text alone: %s', (input) => {
    expect(scrubPii(input)).toBe(input);
  });

  test('an IBAN with a bad check digit is not tagged as an IBAN', () => {
    expect(scrubPii('DE89 3704 0044 0532 0130 01')).not.toContain('[iban]');
  });

  test('a megabyte of one character (no spaces, no "@") is left alone and does not hang', () => {
    for (const ch of ['a', '1', '.', '-']) expect(scrubPii(ch.repeat(1_000_000))).toHaveLength(1_000_000);
    expect(scrubPii(`${'z'.repeat(300_000)}maria.kovacs@example-mail.com`)).not.toContain('maria.kovacs');
  });

  test('is idempotent and keeps surrounding prose', () => {
    const text = positives.map(([, input]) => input).join('\n');
    const once = scrubPii(text);
    expect(scrubPii(once)).toBe(once);
    expect(once).toContain('write to');
  });
});

describe('checksums', () => {
  test('Luhn', () => {
    expect(luhnValid('4111111111111111')).toBe(true);
    expect(luhnValid('79927398713')).toBe(true);
    expect(luhnValid('4111111111111112')).toBe(false);
    expect(luhnValid('')).toBe(false);
  });
  test('IBAN mod-97', () => {
    expect(ibanValid('DE89 3704 0044 0532 0130 00')).toBe(true);
    expect(ibanValid('GB82WEST12345698765432')).toBe(true);
    expect(ibanValid('GB82WEST12345698765433')).toBe(false);
    expect(ibanValid('XX00')).toBe(false);
  });
});
