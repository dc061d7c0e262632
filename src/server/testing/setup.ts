/**
 * Vitest set-up file of every project (vitest.config.ts): runs in each test file's process before the file.
 * Passwords are hashed with argon2's smallest parameters here, so the accounts every test app creates and
 * signs in cost microseconds rather than a fifth of a second each; production's parameters are tested in
 * src/server/http/passwords.test.ts. Test files share a process one after another (vitest.config.ts), so
 * each starts with the test identity numbers as if it were the first.
 */
import { enableTestPasswordHashing } from '../http/passwords.js';
import { forgetGivenIdentityNumbers } from './factories.js';

enableTestPasswordHashing();
forgetGivenIdentityNumbers();
