-- The web app's ASP.NET Core Data Protection key ring (IProtectionKeyStore): every node reads the keys
-- any node made, so a sign-in cookie or antiforgery token from one node is accepted by the others.
CREATE TABLE protection_keys (
    seq        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name       text NOT NULL UNIQUE,
    xml        text NOT NULL,
    stored_at  timestamptz NOT NULL
);
