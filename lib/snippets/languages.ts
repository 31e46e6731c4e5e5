import type { SnippetDescription } from "./description";

/**
 * Complete, runnable integration examples, one per host platform, all generated from one
 * SnippetDescription. Each is a small web server with the doc's recommended pattern: when a
 * signed-in user clicks "Join the event", mint a token valid for ~300 s (with kid and a fresh jti)
 * and send the user along with a 302 redirect; the token never sits in an email, chat or page.
 * PRIVATE_KEY_PATH and PORT may be set in the environment (the tests do).
 */
export const SNIPPET_LANGUAGES = ["node-jsonwebtoken", "node-jose", "python", "ruby", "php", "go"] as const;
export type SnippetLanguage = (typeof SNIPPET_LANGUAGES)[number];

export interface Snippet {
  language: SnippetLanguage;
  /** Tab label. */
  label: string;
  library: string;
  fileName: string;
  /** Shell command that installs what the file needs. */
  install: string;
  /** Shell command that starts it. */
  run: string;
  port: number;
  code: string;
}

/** A double-quoted literal for JavaScript, Python and Go (JSON's escapes are valid in all three). */
const dq = (text: string) => JSON.stringify(text);
/** A single-quoted literal for Ruby and PHP: no interpolation; only \ and ' are special. */
const sq = (text: string) => `'${text.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;
/** Text for a one-line comment. */
const oneLine = (text: string) => text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, " ");

function pairs(user: SnippetDescription["user"], literal: (s: string) => string, indent: string, open = "[", close = "]"): string {
  if (user.userProfile.length === 0) return `${open}${close}`;
  return `${open}\n${user.userProfile.map(([k, v]) => `${indent}  ${open}${literal(k)}, ${literal(v)}${close},`).join("\n")}\n${indent}${close}`;
}

/** Both Node snippets' stand-in for the platform's session lookup. */
function nodeCurrentUser(d: SnippetDescription): string {
  return `// Replace with your own session lookup: who is signed in on your platform (null if nobody).
function currentUser(req) {
  return {
    displayName: ${dq(d.user.displayName)},
    email: ${dq(d.user.email)},
    // [key, value] pairs; the event shows the keys configured as its profile fields.
    userProfile: ${pairs(d.user, dq, "    ")},
    roles: [], // e.g. ["presenter"]; host, presenter, transcriber, interpreter
  };
}`;
}

function nodeJsonwebtoken(d: SnippetDescription): Snippet {
  const port = 3000;
  const code = `// ${oneLine(d.eventName)}: sends your signed-in users into the event with a fresh token.
// The platform doc's library: jsonwebtoken. Run it, then open http://localhost:${port}${d.path}
// (CommonJS: in a package with "type": "module", name the file join-event.cjs.)
const crypto = require("node:crypto");
const fs = require("node:fs");
const http = require("node:http");
const jwt = require("jsonwebtoken");

const EVENT_URL = ${dq(d.entryUrl)};
// The kid of the event's active key (Keys page): the entry picks the key by it.
const KEY_ID = ${dq(d.kid)};
const privateKey = fs.readFileSync(process.env.PRIVATE_KEY_PATH || ${dq(d.privateKeyFile)});

${nodeCurrentUser(d)}

function attendeeToken(user) {
  return jwt.sign(
    { displayName: user.displayName, email: user.email, userProfile: user.userProfile, roles: user.roles },
    privateKey,
    { algorithm: "RS256", keyid: KEY_ID, expiresIn: ${d.expirySeconds}, jwtid: crypto.randomUUID() },
  );
}

http
  .createServer((req, res) => {
    if (new URL(req.url, "http://localhost").pathname !== ${dq(d.path)}) return res.writeHead(404).end();
    const user = currentUser(req);
    if (!user) return res.writeHead(401).end("Sign in first.");
    // Minted at the click, valid for ${d.expirySeconds} s, and used at once: a 302 straight into the event.
    res.writeHead(302, { Location: \`\${EVENT_URL}?token=\${attendeeToken(user)}\`, "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" });
    res.end();
  })
  .listen(Number(process.env.PORT || ${port}));
`;
  return { language: "node-jsonwebtoken", label: "Node (jsonwebtoken)", library: "jsonwebtoken", fileName: "join-event.js", install: "npm install jsonwebtoken", run: "node join-event.js", port, code };
}

function nodeJose(d: SnippetDescription): Snippet {
  const port = 3000;
  const code = `// ${oneLine(d.eventName)}: sends your signed-in users into the event with a fresh token.
// With jose (ES module). Run it, then open http://localhost:${port}${d.path}
import { createPrivateKey, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import http from "node:http";
import { SignJWT } from "jose";

const EVENT_URL = ${dq(d.entryUrl)};
// The kid of the event's active key (Keys page): the entry picks the key by it.
const KEY_ID = ${dq(d.kid)};
// createPrivateKey reads PKCS#1 (BEGIN RSA PRIVATE KEY, as ssh-keygen -m PEM writes) and PKCS#8.
const privateKey = createPrivateKey(readFileSync(process.env.PRIVATE_KEY_PATH || ${dq(d.privateKeyFile)}));

${nodeCurrentUser(d)}

function attendeeToken(user) {
  return new SignJWT({ displayName: user.displayName, email: user.email, userProfile: user.userProfile, roles: user.roles })
    .setProtectedHeader({ alg: "RS256", typ: "JWT", kid: KEY_ID })
    .setIssuedAt()
    .setExpirationTime("${d.expirySeconds}s")
    .setJti(randomUUID())
    .sign(privateKey);
}

http
  .createServer(async (req, res) => {
    if (new URL(req.url, "http://localhost").pathname !== ${dq(d.path)}) return res.writeHead(404).end();
    const user = currentUser(req);
    if (!user) return res.writeHead(401).end("Sign in first.");
    // Minted at the click, valid for ${d.expirySeconds} s, and used at once: a 302 straight into the event.
    res.writeHead(302, { Location: \`\${EVENT_URL}?token=\${await attendeeToken(user)}\`, "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" });
    res.end();
  })
  .listen(Number(process.env.PORT || ${port}));
`;
  return { language: "node-jose", label: "Node (jose)", library: "jose", fileName: "join-event.mjs", install: "npm install jose", run: "node join-event.mjs", port, code };
}

function python(d: SnippetDescription): Snippet {
  const port = 8000;
  const code = `# ${oneLine(d.eventName)}: sends your signed-in users into the event with a fresh token.
# With PyJWT. Run it, then open http://localhost:${port}${d.path}
import os
import time
import uuid
from http.server import BaseHTTPRequestHandler, HTTPServer
from urllib.parse import urlsplit

import jwt

EVENT_URL = ${dq(d.entryUrl)}
# The kid of the event's active key (Keys page): the entry picks the key by it.
KEY_ID = ${dq(d.kid)}
with open(os.environ.get("PRIVATE_KEY_PATH", ${dq(d.privateKeyFile)}), "rb") as key_file:
    PRIVATE_KEY = key_file.read()


def current_user(request):
    """Replace with your own session lookup: who is signed in on your platform (None if nobody)."""
    return {
        "displayName": ${dq(d.user.displayName)},
        "email": ${dq(d.user.email)},
        # [key, value] pairs; the event shows the keys configured as its profile fields.
        "userProfile": ${pairs(d.user, dq, "        ")},
        "roles": [],  # e.g. ["presenter"]; host, presenter, transcriber, interpreter
    }


def attendee_token(user):
    now = int(time.time())
    claims = {**user, "iat": now, "exp": now + ${d.expirySeconds}, "jti": str(uuid.uuid4())}
    return jwt.encode(claims, PRIVATE_KEY, algorithm="RS256", headers={"kid": KEY_ID})


class JoinEvent(BaseHTTPRequestHandler):
    def do_GET(self):
        if urlsplit(self.path).path != ${dq(d.path)}:
            self.send_error(404)
            return
        user = current_user(self)
        if user is None:
            self.send_error(401, "Sign in first.")
            return
        # Minted at the click, valid for ${d.expirySeconds} s, and used at once: a 302 straight into the event.
        self.send_response(302)
        self.send_header("Location", f"{EVENT_URL}?token={attendee_token(user)}")
        self.send_header("Cache-Control", "no-store")
        self.send_header("Referrer-Policy", "no-referrer")
        self.end_headers()


HTTPServer(("", int(os.environ.get("PORT", "${port}"))), JoinEvent).serve_forever()
`;
  return { language: "python", label: "Python (PyJWT)", library: "PyJWT", fileName: "join_event.py", install: 'pip install "pyjwt[crypto]"', run: "python3 join_event.py", port, code };
}

function ruby(d: SnippetDescription): Snippet {
  const port = 4567;
  const code = `# ${oneLine(d.eventName)}: sends your signed-in users into the event with a fresh token.
# With ruby-jwt and Sinatra. Run it, then open http://localhost:${port}${d.path}
require "jwt"
require "openssl"
require "securerandom"
require "sinatra"

EVENT_URL = ${sq(d.entryUrl)}
# The kid of the event's active key (Keys page): the entry picks the key by it.
KEY_ID = ${sq(d.kid)}
PRIVATE_KEY = OpenSSL::PKey::RSA.new(File.read(ENV.fetch("PRIVATE_KEY_PATH", ${sq(d.privateKeyFile)})))
set :port, Integer(ENV.fetch("PORT", "${port}"))

# Replace with your own session lookup: who is signed in on your platform (nil if nobody).
def current_user(request)
  {
    displayName: ${sq(d.user.displayName)},
    email: ${sq(d.user.email)},
    # [key, value] pairs; the event shows the keys configured as its profile fields.
    userProfile: ${pairs(d.user, sq, "    ")},
    roles: [] # e.g. ["presenter"]; host, presenter, transcriber, interpreter
  }
end

def attendee_token(user)
  now = Time.now.to_i
  claims = user.merge(iat: now, exp: now + ${d.expirySeconds}, jti: SecureRandom.uuid)
  JWT.encode(claims, PRIVATE_KEY, "RS256", { kid: KEY_ID })
end

get ${sq(d.path)} do
  user = current_user(request)
  halt 401, "Sign in first." unless user
  # Minted at the click, valid for ${d.expirySeconds} s, and used at once: a 302 straight into the event.
  headers "Cache-Control" => "no-store", "Referrer-Policy" => "no-referrer"
  redirect "#{EVENT_URL}?token=#{attendee_token(user)}", 302
end
`;
  return { language: "ruby", label: "Ruby (ruby-jwt)", library: "ruby-jwt", fileName: "join_event.rb", install: "gem install jwt sinatra rackup puma", run: "ruby join_event.rb", port, code };
}

function php(d: SnippetDescription): Snippet {
  const port = 8080;
  const code = `<?php
// ${oneLine(d.eventName)}: sends your signed-in users into the event with a fresh token.
// With firebase/php-jwt. Run it, then open http://localhost:${port}${d.path}
require __DIR__ . '/vendor/autoload.php';

use Firebase\\JWT\\JWT;

const EVENT_URL = ${sq(d.entryUrl)};
// The kid of the event's active key (Keys page): the entry picks the key by it.
const KEY_ID = ${sq(d.kid)};

// Replace with your own session lookup: who is signed in on your platform (null if nobody).
function current_user(): ?array
{
    return [
        'displayName' => ${sq(d.user.displayName)},
        'email' => ${sq(d.user.email)},
        // [key, value] pairs; the event shows the keys configured as its profile fields.
        'userProfile' => ${pairs(d.user, sq, "        ")},
        'roles' => [], // e.g. ['presenter']; host, presenter, transcriber, interpreter
    ];
}

function attendee_token(array $user): string
{
    $privateKey = file_get_contents(getenv('PRIVATE_KEY_PATH') ?: ${sq(d.privateKeyFile)});
    $now = time();
    $claims = $user + ['iat' => $now, 'exp' => $now + ${d.expirySeconds}, 'jti' => bin2hex(random_bytes(16))];
    return JWT::encode($claims, $privateKey, 'RS256', KEY_ID);
}

if (parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH) !== ${sq(d.path)}) {
    http_response_code(404);
    exit;
}
$user = current_user();
if ($user === null) {
    http_response_code(401);
    exit('Sign in first.');
}
// Minted at the click, valid for ${d.expirySeconds} s, and used at once: a 302 straight into the event.
header('Cache-Control: no-store');
header('Referrer-Policy: no-referrer');
header('Location: ' . EVENT_URL . '?token=' . attendee_token($user), true, 302);
`;
  return { language: "php", label: "PHP (firebase/php-jwt)", library: "firebase/php-jwt", fileName: "join-event.php", install: "composer require firebase/php-jwt", run: `php -S localhost:${port} join-event.php`, port, code };
}

function go(d: SnippetDescription): Snippet {
  const port = 8080;
  const profile = d.user.userProfile.length === 0 ? "[][2]string{}" : `[][2]string{\n${d.user.userProfile.map(([k, v]) => `\t\t\t{${dq(k)}, ${dq(v)}},`).join("\n")}\n\t\t}`;
  const code = `// ${oneLine(d.eventName)}: sends your signed-in users into the event with a fresh token.
// With golang-jwt. Run it, then open http://localhost:${port}${d.path}
package main

import (
\t"crypto/rand"
\t"crypto/rsa"
\t"encoding/hex"
\t"log"
\t"net/http"
\t"os"
\t"time"

\t"github.com/golang-jwt/jwt/v5"
)

const eventURL = ${dq(d.entryUrl)}

// The kid of the event's active key (Keys page): the entry picks the key by it.
const keyID = ${dq(d.kid)}

type user struct {
\tDisplayName string
\tEmail       string
\tUserProfile [][2]string // [key, value] pairs; the event shows the keys configured as its profile fields
\tRoles       []string    // e.g. {"presenter"}; host, presenter, transcriber, interpreter
}

// Replace with your own session lookup: who is signed in on your platform (nil if nobody).
func currentUser(r *http.Request) *user {
\treturn &user{
\t\tDisplayName: ${dq(d.user.displayName)},
\t\tEmail:       ${dq(d.user.email)},
\t\tUserProfile: ${profile},
\t\tRoles:       []string{},
\t}
}

func attendeeToken(u *user, key *rsa.PrivateKey) (string, error) {
\tjti := make([]byte, 16)
\tif _, err := rand.Read(jti); err != nil {
\t\treturn "", err
\t}
\tnow := time.Now()
\ttoken := jwt.NewWithClaims(jwt.SigningMethodRS256, jwt.MapClaims{
\t\t"displayName": u.DisplayName,
\t\t"email":       u.Email,
\t\t"userProfile": u.UserProfile,
\t\t"roles":       u.Roles,
\t\t"iat":         now.Unix(),
\t\t"exp":         now.Add(${d.expirySeconds} * time.Second).Unix(),
\t\t"jti":         hex.EncodeToString(jti),
\t})
\ttoken.Header["kid"] = keyID
\treturn token.SignedString(key)
}

func getenv(name, fallback string) string {
\tif value := os.Getenv(name); value != "" {
\t\treturn value
\t}
\treturn fallback
}

func main() {
\tpem, err := os.ReadFile(getenv("PRIVATE_KEY_PATH", ${dq(d.privateKeyFile)}))
\tif err != nil {
\t\tlog.Fatal(err)
\t}
\tkey, err := jwt.ParseRSAPrivateKeyFromPEM(pem)
\tif err != nil {
\t\tlog.Fatal(err)
\t}
\thttp.HandleFunc(${dq(d.path)}, func(w http.ResponseWriter, r *http.Request) {
\t\tu := currentUser(r)
\t\tif u == nil {
\t\t\thttp.Error(w, "Sign in first.", http.StatusUnauthorized)
\t\t\treturn
\t\t}
\t\ttoken, err := attendeeToken(u, key)
\t\tif err != nil {
\t\t\thttp.Error(w, "Could not sign the token.", http.StatusInternalServerError)
\t\t\treturn
\t\t}
\t\t// Minted at the click, valid for ${d.expirySeconds} s, and used at once: a 302 straight into the event.
\t\tw.Header().Set("Cache-Control", "no-store")
\t\tw.Header().Set("Referrer-Policy", "no-referrer")
\t\thttp.Redirect(w, r, eventURL+"?token="+token, http.StatusFound)
\t})
\tlog.Fatal(http.ListenAndServe(":"+getenv("PORT", "${port}"), nil))
}
`;
  return { language: "go", label: "Go (golang-jwt)", library: "github.com/golang-jwt/jwt/v5", fileName: "join_event.go", install: "go mod init join-event && go get github.com/golang-jwt/jwt/v5", run: "go run join_event.go", port, code };
}

const GENERATORS: Record<SnippetLanguage, (d: SnippetDescription) => Snippet> = {
  "node-jsonwebtoken": nodeJsonwebtoken,
  "node-jose": nodeJose,
  python,
  ruby,
  php,
  go,
};

export function buildSnippets(description: SnippetDescription): Snippet[] {
  return SNIPPET_LANGUAGES.map((language) => GENERATORS[language](description));
}
