#!/bin/sh
# Writes Fuseki's password file from FUSEKI_WRITER_PASSWORD, then runs Fuseki with config.ttl.
set -eu
if [ -z "${FUSEKI_WRITER_PASSWORD:-}" ]; then
  echo "FUSEKI_WRITER_PASSWORD is not set. It is the password of Fuseki's 'writer' account, the one InnoGraph" >&2
  echo "writes with; there is deliberately no default. Set it in docker/.env (see docs/deployment.md)." >&2
  exit 64
fi
umask 077
# Jetty's password-file format; only the digest is kept on disk.
digest=$(printf '%s' "$FUSEKI_WRITER_PASSWORD" | md5sum | cut -d' ' -f1)
printf 'writer: MD5:%s\n' "$digest" > /fuseki/passwd
# JAVA_OPTIONS is split into words on purpose: it holds several JVM options.
# shellcheck disable=SC2086
exec java ${JAVA_OPTIONS:-} -jar /opt/fuseki/fuseki-server.jar --config=/opt/fuseki/config.ttl --port=3030 "$@"
