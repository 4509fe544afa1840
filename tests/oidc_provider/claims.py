"""What the test provider says about a user: the standard claims; in the ID
token the user's groups (their names) as a `groups` claim, as Entra ID sends
them, and ID-porten's `pid` (a national identity number) and `acr` (the level
of assurance), so the same provider stands in for both."""

import hashlib


def pid_for(username: str) -> str:
    """The test person's national identity number: fixed per username, so a
    test knows it and can look for it where it must not be."""
    digits = int(hashlib.sha256(username.encode()).hexdigest(), 16) % 10**11
    return f"{digits:011d}"


def userinfo(claims, user):
    claims["given_name"] = user.first_name
    claims["family_name"] = user.last_name
    claims["name"] = f"{user.first_name} {user.last_name}".strip()
    claims["email"] = user.email
    claims["email_verified"] = True
    claims["preferred_username"] = user.username
    return claims


def id_token_claims(id_token, user, **kwargs):
    id_token["groups"] = sorted(user.groups.values_list("name", flat=True))
    id_token["pid"] = pid_for(user.username)
    id_token["acr"] = "idporten-loa-substantial"
    return id_token
