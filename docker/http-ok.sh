#!/bin/bash
# Container health check without curl or wget, which the JRE images do not promise:
#   http-ok PORT PATH   succeeds when GET http://127.0.0.1:PORT/PATH answers 200.
set -eu
exec 3<>"/dev/tcp/127.0.0.1/$1"
printf 'GET %s HTTP/1.0\r\nHost: localhost\r\nConnection: close\r\n\r\n' "$2" >&3
IFS= read -r status <&3
[[ "$status" == HTTP/1.?" 200"* ]]
