/**
 * The one network call Doppel makes on its own: downloading a model file the user chose. The
 * manifest's connect-src limits it to the model hosts (and loopback, for a user's local server).
 */
export const fetchModelFile: typeof fetch = (input, init) => fetch(input, init);
