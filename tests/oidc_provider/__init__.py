"""A small OpenID Connect provider (django-oidc-provider) that the staff sign-in
tests start in a process of its own on 127.0.0.1, with its own SQLite database:
the portal signs in against it as it would against Entra ID. Not part of the
portal; never installed in production."""
