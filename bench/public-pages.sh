#!/usr/bin/env bash
# Anonymous public pages (PublicPageFilter / PublicPages) measured beside nginx serving the same bytes.
#
# Build the production jar first, then run from the project folder:
#   JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 ./mvnw -Pproduction -DskipTests clean package
#   bench/public-pages.sh
#
# First a warm-up on each Dateline page; then per target: a 5 s warm-up, then `wrk -t2 -c50 -d20s --latency -H 'Accept-Encoding: gzip' URL`; the server's CPU
# (utime + stime from /proc/<pid>/stat) is read before and after each measured run. wrk runs on the same machine, so
# client and server share the cores; the load average is printed at the start and the end.
#
# Settings (environment): JAVA (the java binary), DURATION (20s), WARMUP (5s), THREADS (2), CONNECTIONS (50),
# POST_PATH, CATEGORY_PATH.
set -euo pipefail

JDK=${JDK:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAVA=${JAVA:-$JDK/bin/java}
JCMD=${JCMD:-$JDK/bin/jcmd}
DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-5s}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-50}
POST_PATH=${POST_PATH:-/2008/04/iraq-us-and-irans-talk-about-talks-continues}
CATEGORY_PATH=${CATEGORY_PATH:-/category/iraq}

cd "$(dirname "$0")/.."

say() { printf '%s\n' "$*"; }
die() { printf 'public-pages: %s\n' "$*" >&2; exit 1; }

# --- 1. tools --------------------------------------------------------------------------------------------------
missing=()
command -v wrk >/dev/null 2>&1 || missing+=(wrk)
command -v nginx >/dev/null 2>&1 || [[ -x /usr/sbin/nginx ]] || missing+=(nginx)
if ((${#missing[@]})); then
    say "Installing ${missing[*]} (apt-get)…"
    # Keep Debian's maintainer scripts from starting nginx's system service during the install.
    made_policy=
    if [[ ! -e /usr/sbin/policy-rc.d ]]; then
        printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d
        chmod +x /usr/sbin/policy-rc.d
        made_policy=1
    fi
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
    if [[ -n $made_policy ]]; then rm -f /usr/sbin/policy-rc.d; fi
fi
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
command -v curl >/dev/null 2>&1 || die "curl is needed"
[[ -x $JAVA ]] || die "no java at $JAVA"

# --- 2. the jar --------------------------------------------------------------------------------------------------
shopt -s nullglob
jars=(target/dateline-*.jar)
shopt -u nullglob
if ((${#jars[@]} == 0)); then
    say "No production jar in target/. Build it first:"
    say "  JAVA_HOME=$JDK ./mvnw -Pproduction -DskipTests clean package"
    exit 1
fi
JAR=${jars[0]}

free_port() {
    local port
    while :; do
        port=$((20000 + RANDOM % 20000))
        if ! ss -Htln "sport = :$port" | grep -q .; then
            echo "$port"
            return
        fi
    done
}

WORK=$(mktemp -d /tmp/public-pages.XXXXXX)
APP_PID=
NGINX_PID=
cleanup() {
    set +e
    if [[ -n $APP_PID ]] && kill -0 "$APP_PID" 2>/dev/null; then
        kill "$APP_PID"
        for _ in $(seq 30); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 1; done
        kill -0 "$APP_PID" 2>/dev/null && kill -9 "$APP_PID"
    fi
    if [[ -n $NGINX_PID ]] && kill -0 "$NGINX_PID" 2>/dev/null; then
        kill -QUIT "$NGINX_PID"
        for _ in $(seq 10); do kill -0 "$NGINX_PID" 2>/dev/null || break; sleep 0.5; done
        kill -0 "$NGINX_PID" 2>/dev/null && kill -9 "$NGINX_PID"
    fi
    [[ -n ${KEEP_WORK:-} ]] || rm -rf "$WORK"
}
trap cleanup EXIT

CLK_TCK=$(getconf CLK_TCK)
# utime + stime of one process, in clock ticks. The command name (field 2) may hold spaces; cut after its ')'.
cpu_ticks() {
    local stat rest
    stat=$(<"/proc/$1/stat")
    rest=${stat##*) }
    # rest starts at field 3 (state), so utime (14) and stime (15) are its 12th and 13th words.
    awk '{print $12 + $13}' <<<"$rest"
}
# The sum over a set of processes.
cpu_ticks_all() {
    local total=0 pid
    for pid in "$@"; do total=$((total + $(cpu_ticks "$pid"))); done
    echo "$total"
}

say "# Public pages for anonymous readers"
say "date:  $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
say "host:  $(nproc) cores, $(uname -sr)"
say "jar:   $JAR ($(git log -1 --format=%h 2>/dev/null || echo '?'))"
say "java:  $("$JAVA" -version 2>&1 | head -1)"
say "wrk:   $(wrk -v 2>&1 | head -1 | cut -c1-40)"
say "nginx: $("$NGINX" -v 2>&1)"
LOAD_START=$(uptime)
say "load at start: $LOAD_START"
say

# --- 2. the server -----------------------------------------------------------------------------------------------
APP_PORT=$(free_port)
mkdir -p "$WORK/data"
APP="http://127.0.0.1:$APP_PORT"
say "Starting $JAVA -Xmx512m -jar $JAR --server.port=$APP_PORT --dateline.data-dir=$WORK/data"
"$JAVA" -Xmx512m -jar "$JAR" --server.port="$APP_PORT" --dateline.data-dir="$WORK/data" >"$WORK/server.log" 2>&1 &
APP_PID=$!
started=$SECONDS
until [[ $(curl -s -o /dev/null -w '%{http_code}' "$APP/actuator/health/readiness" || true) == 200 ]]; do
    kill -0 "$APP_PID" 2>/dev/null || { tail -40 "$WORK/server.log" >&2; die "the server stopped while starting"; }
    ((SECONDS - started < 180)) || { tail -40 "$WORK/server.log" >&2; die "not ready after 180 s"; }
    sleep 0.5
done
say "ready after $((SECONDS - started)) s (pid $APP_PID)"

# --- 3. the post's bytes, and nginx serving them --------------------------------------------------------------------
mkdir -p "$WORK/www"
post_code=$(curl -s -H 'Accept-Encoding: gzip' -D "$WORK/post.headers" -o "$WORK/www/post.html.gz" -w '%{http_code}' "$APP$POST_PATH")
curl -s -o "$WORK/www/post.html" "$APP$POST_PATH"
[[ $post_code == 200 ]] || die "the post answered $post_code"
grep -qi '^content-encoding: *gzip' "$WORK/post.headers" || die "the post did not come gzipped"
if gzip -dc "$WORK/www/post.html.gz" | cmp -s - "$WORK/www/post.html"; then
    same_bytes="yes"
else
    same_bytes="NO (the gzipped and the plain answers differ)"
fi
say "post: $(stat -c %s "$WORK/www/post.html") bytes, $(stat -c %s "$WORK/www/post.html.gz") gzipped; gunzip(gzipped) = plain: $same_bytes"
touch -r "$WORK/www/post.html" "$WORK/www/post.html.gz"
# nginx's workers drop root for its default user; let them read the files.
chmod 755 "$WORK" "$WORK/www"
chmod 644 "$WORK/www/post.html" "$WORK/www/post.html.gz"

NGINX_PORT=$(free_port)
mkdir -p "$WORK/nginx"
cat >"$WORK/nginx/nginx.conf" <<EOF
worker_processes 1;
daemon off;
master_process on;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log warn;
events { worker_connections 1024; }
http {
    access_log off;
    client_body_temp_path $WORK/nginx/client_body;
    proxy_temp_path $WORK/nginx/proxy;
    fastcgi_temp_path $WORK/nginx/fastcgi;
    uwsgi_temp_path $WORK/nginx/uwsgi;
    scgi_temp_path $WORK/nginx/scgi;
    types { text/html html; }
    default_type text/html;
    charset utf-8;
    sendfile on;
    tcp_nopush on;
    gzip off;
    gzip_static on;
    gzip_vary on;
    server {
        listen 127.0.0.1:$NGINX_PORT;
        root $WORK/www;
    }
}
EOF
"$NGINX" -c "$WORK/nginx/nginx.conf" -e "$WORK/nginx/error.log" >"$WORK/nginx/stdout.log" 2>&1 &
NGINX_PID=$!
NGX="http://127.0.0.1:$NGINX_PORT"
for _ in $(seq 50); do
    [[ $(curl -s -o /dev/null -w '%{http_code}' "$NGX/post.html" || true) == 200 ]] && break
    kill -0 "$NGINX_PID" 2>/dev/null || { cat "$WORK/nginx/error.log" "$WORK/nginx/stdout.log" >&2; die "nginx stopped"; }
    sleep 0.2
done
curl -s -H 'Accept-Encoding: gzip' -D "$WORK/nginx.headers" -o "$WORK/nginx-post.gz" "$NGX/post.html"
grep -qi '^content-encoding: *gzip' "$WORK/nginx.headers" || die "nginx did not serve post.html.gz"
cmp -s "$WORK/nginx-post.gz" "$WORK/www/post.html.gz" || die "nginx serves other bytes than the server"
nginx_workers=$(ps -o pid= --ppid "$NGINX_PID" | tr -s ' \n' ' ')
say "nginx on $NGX (master $NGINX_PID, workers$nginx_workers), serving the same gzipped bytes: yes"
say

# --- 4. the runs -----------------------------------------------------------------------------------------------------
declare -a ROWS
run() { # name url pid...
    local name=$1 url=$2
    shift 2
    local pids=("$@") out before after ticks reqs rps p50 p99 non2xx errors cpu_ms per_view per_cpu_s
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -H 'Accept-Encoding: gzip' "$url" >/dev/null
    before=$(cpu_ticks_all "${pids[@]}")
    out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -H 'Accept-Encoding: gzip' "$url")
    after=$(cpu_ticks_all "${pids[@]}")
    say "## $name: wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency -H 'Accept-Encoding: gzip' $url"
    say "$out"
    ticks=$((after - before))
    reqs=$(awk '/requests in/ {print $1}' <<<"$out")
    rps=$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")
    p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
    p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
    non2xx=$(awk -F': *' '/Non-2xx or 3xx responses/ {print $2}' <<<"$out")
    errors=$(sed -n 's/^ *Socket errors: *//p' <<<"$out")
    cpu_ms=$(awk -v t="$ticks" -v hz="$CLK_TCK" 'BEGIN {printf "%.0f", t * 1000 / hz}')
    per_view=$(awk -v t="$ticks" -v hz="$CLK_TCK" -v n="$reqs" 'BEGIN {printf "%.3f", n ? t * 1000 / hz / n : 0}')
    per_cpu_s=$(awk -v t="$ticks" -v hz="$CLK_TCK" -v n="$reqs" 'BEGIN {printf "%.0f", t ? n / (t / hz) : 0}')
    say "-> $reqs requests, $rps req/s, p50 $p50, p99 $p99; server CPU ${cpu_ms} ms = $per_view ms per view, $per_cpu_s views per server-CPU-second; non-2xx/3xx: ${non2xx:-0}; socket errors: ${errors:-none}"
    say
    ROWS+=("| $name | $rps | $p50 | $p99 | $per_view | $per_cpu_s | ${non2xx:-0} | ${errors:-none} |")
    LAST_RPS=$rps
}

# The JIT first: otherwise whichever page is measured first pays for compiling the code all three share.
for path in "$POST_PATH" / "$CATEGORY_PATH"; do
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -H 'Accept-Encoding: gzip' "$APP$path" >/dev/null
done
run "Dateline post \`$POST_PATH\`" "$APP$POST_PATH" "$APP_PID"
POST_RPS=$LAST_RPS
run "Dateline home \`/\`" "$APP/" "$APP_PID"
run "Dateline category \`$CATEGORY_PATH\`" "$APP$CATEGORY_PATH" "$APP_PID"
# shellcheck disable=SC2086
run "nginx static post (same gzipped bytes)" "$NGX/post.html" "$NGINX_PID" $nginx_workers
NGINX_RPS=$LAST_RPS
RATIO=$(awk -v a="$POST_RPS" -v b="$NGINX_RPS" 'BEGIN {printf "%.2f", b ? a / b : 0}')

# --- 5. sessions and heap ------------------------------------------------------------------------------------------
cookies=()
for path in "$POST_PATH" / "$CATEGORY_PATH"; do
    head=$(curl -sI "$APP$path" | grep -i '^set-cookie' | tr -d '\r' || true)
    get=$(curl -s -H 'Accept-Encoding: gzip' -D - -o /dev/null "$APP$path" | grep -i '^set-cookie' | tr -d '\r' || true)
    if [[ -n $head$get ]]; then
        cookies+=("$path: ${head:-}${head:+ }${get:-}")
    fi
done
if ((${#cookies[@]})); then
    SET_COOKIE="yes: ${cookies[*]}"
else
    SET_COOKIE="none (HEAD and GET of post, home and category)"
fi
"$JCMD" "$APP_PID" GC.run >/dev/null
HEAP=$("$JCMD" "$APP_PID" GC.heap_info | grep -i 'used' | head -1 | sed 's/^ *//' || true)
LOAD_END=$(uptime)

say "Set-Cookie on anonymous pages: $SET_COOKIE"
say "heap after GC.run: $HEAP"
say "load at end: $LOAD_END"
say
say "| target | req/s | p50 | p99 | server CPU ms per view | views per server-CPU-second | non-2xx/3xx | socket errors |"
say "|---|---|---|---|---|---|---|---|"
for row in "${ROWS[@]}"; do say "$row"; done
say
say "Dateline post ÷ nginx: **$RATIO** (req/s)"
say "Set-Cookie: $SET_COOKIE"
say "Heap after \`jcmd GC.run\` (\`GC.heap_info\`): \`$HEAP\`"
say "Load average: start \`${LOAD_START##*load average: }\`, end \`${LOAD_END##*load average: }\` ($(nproc) cores; wrk on the same machine)"
