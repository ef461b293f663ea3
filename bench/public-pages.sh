#!/usr/bin/env bash
# Anonymous public pages (PublicPageFilter / PublicPages) measured beside nginx serving the same bytes, and beside the
# signed-in reader's live view.
#
# Build the production jar and the test classes (the benchmark's hooks and harness) first, then run from the project
# folder:
#   JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 ./mvnw -Pproduction -DskipTests clean package
#   JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 ./mvnw -q test-compile
#   bench/public-pages.sh
#
# The server is the production jar with the test-only hooks of com.dateline.bench.hooks added (PropertiesLauncher,
# loader.path; the benchmark profile, the demo data with its comments), a fresh data folder and a per-run token in its
# environment, as the load harness starts it. Its PublicPages logger is at debug: one line per page built.
#
# Then, each against that one server:
#   - a warm-up on each Dateline page; the live heap and open sessions (jcmd GC.class_histogram);
#   - per target a 5 s warm-up, then `wrk -t2 -c50 -d20s --latency -H 'Accept-Encoding: gzip' URL`, the server's CPU
#     (utime + stime from /proc/<pid>/stat) read before and after: the post, home, a category page, a post with no
#     comments, the same post after the hooks gave it 50,000 published comments (its first and a middle page), and
#     nginx serving the post's gzipped bytes as a static file;
#   - the live heap and open sessions again, after all those anonymous views;
#   - a burst: a comment is published on the post, then 1,000 connections send their GET in the same instant
#     (com.dateline.bench.Burst); the page builds it cost are counted in the server's log;
#   - the signed-in reader's live view: the load harness (scenario reader-view, through ./mvnw exec:exec@load), 50
#     load-test readers signed in, each opening the post in the live view and closing the tab, again and again.
# wrk runs on the same machine, so client and server share the cores; the load average is printed at the start and end.
#
# Settings (environment): JAVA (the java binary), DURATION (20s), WARMUP (5s), THREADS (2), CONNECTIONS (50),
# POST_PATH, QUIET_PATH (a post without comments), CATEGORY_PATH, LONG_DISCUSSION (50000), BURST (1000),
# MVN (./mvnw -q), SIGNED_IN (yes; "no" leaves the live view out).
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
QUIET_PATH=${QUIET_PATH:-/2008/04/iraq-baghdads-booksellers-return-to-mutanabbi-street}
LONG_DISCUSSION=${LONG_DISCUSSION:-50000}
BURST=${BURST:-1000}
MVN=${MVN:-./mvnw -q}
SIGNED_IN=${SIGNED_IN:-yes}

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
TEST_CLASSES=target/test-classes
if [[ ! -d $TEST_CLASSES/com/dateline/bench/hooks || ! -f $TEST_CLASSES/com/dateline/bench/Burst.class ]]; then
    say "No benchmark hooks in $TEST_CLASSES. Compile them first:"
    say "  JAVA_HOME=$JDK ./mvnw -q test-compile"
    exit 1
fi

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
HOOKS_PORT=$(free_port)
mkdir -p "$WORK/data" "$WORK/hooks/com/dateline/bench"
# Only the hooks and their profile: all of the test classes would bring the tests' own beans into the server.
cp -r "$TEST_CLASSES/com/dateline/bench/hooks" "$WORK/hooks/com/dateline/bench/"
cp "$TEST_CLASSES/application-benchmark.properties" "$WORK/hooks/"
secret() { head -c 24 /dev/urandom | base64 | tr '+/' '-_' | tr -d '='; }
export DATELINE_BENCH_TOKEN DATELINE_BENCH_PASSWORD DATELINE_BENCH_HOOKS_PORT
DATELINE_BENCH_TOKEN=$(secret)
DATELINE_BENCH_PASSWORD=$(secret)
DATELINE_BENCH_HOOKS_PORT=$HOOKS_PORT
APP="http://127.0.0.1:$APP_PORT"
say "Starting $JAVA -Xmx512m -Dloader.path=<hooks> -cp $JAR PropertiesLauncher --spring.profiles.active=benchmark --dateline.demo-comments=true --server.port=$APP_PORT --dateline.data-dir=$WORK/data --logging.level.com.dateline.post.ui.PublicPages=debug"
"$JAVA" -Xmx512m -Dloader.path="$WORK/hooks" -cp "$JAR" org.springframework.boot.loader.launch.PropertiesLauncher \
    --spring.profiles.active=benchmark --dateline.demo-comments=true --server.port="$APP_PORT" \
    --dateline.data-dir="$WORK/data" --logging.level.com.dateline.post.ui.PublicPages=debug >"$WORK/server.log" 2>&1 &
APP_PID=$!
started=$SECONDS
until [[ $(curl -s -o /dev/null -w '%{http_code}' "$APP/actuator/health/readiness" || true) == 200 ]]; do
    kill -0 "$APP_PID" 2>/dev/null || { tail -40 "$WORK/server.log" >&2; die "the server stopped while starting"; }
    ((SECONDS - started < 180)) || { tail -40 "$WORK/server.log" >&2; die "not ready after 180 s"; }
    sleep 0.5
done
say "ready after $((SECONDS - started)) s (pid $APP_PID)"

hook() { # path-and-query: asks the server's bench hooks, prints their JSON answer
    curl -sf -X POST -H "X-Bench-Token: $DATELINE_BENCH_TOKEN" "http://127.0.0.1:$HOOKS_PORT$1" || die "the hook $1 failed"
}
builds() { grep -c 'Built the public page' "$WORK/server.log" || true; }
# The live heap after the full collection the class histogram makes, in KiB, and Tomcat's session objects.
heap_kib() { "$JCMD" "$APP_PID" GC.class_histogram | awk '$1 == "Total" {printf "%.0f", $3 / 1024}'; }
sessions() { "$JCMD" "$APP_PID" GC.class_histogram | awk '$4 == "org.apache.catalina.session.StandardSession" {n = $2} END {print n + 0}'; }

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
ANON_VIEWS=0
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
    LAST_PER_CPU_S=$per_cpu_s
    if [[ ${pids[0]} == "$APP_PID" ]]; then ANON_VIEWS=$((ANON_VIEWS + reqs)); fi
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", b ? a / b : 0}'; }

# The JIT first: otherwise whichever page is measured first pays for compiling the code all three share.
for path in "$POST_PATH" / "$CATEGORY_PATH" "$QUIET_PATH"; do
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -H 'Accept-Encoding: gzip' "$APP$path" >/dev/null
done
HEAP_BEFORE=$(heap_kib)
SESSIONS_BEFORE=$(sessions)
say "After the warm-up: live heap $HEAP_BEFORE KiB, $SESSIONS_BEFORE open HTTP sessions (jcmd GC.class_histogram)"
say

run "Dateline post \`$POST_PATH\`" "$APP$POST_PATH" "$APP_PID"
POST_RPS=$LAST_RPS
run "Dateline home \`/\`" "$APP/" "$APP_PID"
run "Dateline category \`$CATEGORY_PATH\`" "$APP$CATEGORY_PATH" "$APP_PID"
run "Dateline post without comments \`$QUIET_PATH\`" "$APP$QUIET_PATH" "$APP_PID"
QUIET_RPS=$LAST_RPS
QUIET_PER_CPU_S=$LAST_PER_CPU_S

HEAP_MIDWAY=$(heap_kib)
SESSIONS_MIDWAY=$(sessions)
VIEWS_MIDWAY=$ANON_VIEWS
say "After $VIEWS_MIDWAY measured anonymous views: live heap $HEAP_MIDWAY KiB, $SESSIONS_MIDWAY open HTTP sessions"
say

# The same post with a long discussion: comments added through the hooks, one build for its first page.
before=$(builds)
added=$(hook "/discussion${QUIET_PATH}?comments=$LONG_DISCUSSION")
say "Added $LONG_DISCUSSION published comments to $QUIET_PATH: $added"
curl -s -o /dev/null "$APP$QUIET_PATH"
LONG_BUILD=$(grep 'Built the public page' "$WORK/server.log" | tail -n +"$((before + 1))" | grep -F "$QUIET_PATH?comments=1&" | tail -1 | sed 's/.*: \([0-9,]* bytes.*\)/\1/')
say "its first page, built once: $LONG_BUILD"
top_level=$(sed -n 's/.*"topLevel":\([0-9]*\).*/\1/p' <<<"$added")
MIDDLE=$(((top_level + 99) / 100))
say "$top_level top-level comments, 50 to a page: the middle page is $MIDDLE"
run "Dateline the same post with $LONG_DISCUSSION comments, page 1" "$APP$QUIET_PATH" "$APP_PID"
LONG_RPS=$LAST_RPS
LONG_PER_CPU_S=$LAST_PER_CPU_S
run "Dateline the same post, comments page $MIDDLE" "$APP$QUIET_PATH?comments=$MIDDLE" "$APP_PID"

# Every change readers can see moves one version for all pages: measured with a comment published on another post
# every second while the long discussion is read.
(while :; do hook "/discussion${POST_PATH}?comments=1" >/dev/null; sleep 1; done) &
CHANGES_PID=$!
before=$(builds)
run "Dateline the post with $LONG_DISCUSSION comments, page 1, while a comment is published on another post every second" "$APP$QUIET_PATH" "$APP_PID"
kill "$CHANGES_PID" 2>/dev/null || true
wait "$CHANGES_PID" 2>/dev/null || true
CHURN_BUILDS=$(($(builds) - before))
CHURN_PER_CPU_S=$LAST_PER_CPU_S
say "page builds during that run and its warm-up: $CHURN_BUILDS"
say

# shellcheck disable=SC2086
run "nginx static post (same gzipped bytes)" "$NGX/post.html" "$NGINX_PID" $nginx_workers
NGINX_RPS=$LAST_RPS
RATIO=$(ratio "$POST_RPS" "$NGINX_RPS")

# --- 5. sessions and heap after the anonymous views ----------------------------------------------------------------
cookies=()
for path in "$POST_PATH" / "$CATEGORY_PATH" "$QUIET_PATH"; do
    head=$(curl -sI "$APP$path" | grep -i '^set-cookie' | tr -d '\r' || true)
    get=$(curl -s -H 'Accept-Encoding: gzip' -D - -o /dev/null "$APP$path" | grep -i '^set-cookie' | tr -d '\r' || true)
    if [[ -n $head$get ]]; then
        cookies+=("$path: ${head:-}${head:+ }${get:-}")
    fi
done
if ((${#cookies[@]})); then
    SET_COOKIE="yes: ${cookies[*]}"
else
    SET_COOKIE="none (HEAD and GET of each page measured)"
fi
HEAP_AFTER=$(heap_kib)
SESSIONS_AFTER=$(sessions)
say "After $ANON_VIEWS measured anonymous views (and the warm-ups): live heap $HEAP_AFTER KiB, $SESSIONS_AFTER open HTTP sessions"
say "Set-Cookie on anonymous pages: $SET_COOKIE"
say

# --- 6. a burst right after a change -------------------------------------------------------------------------------
say "## Burst: a comment published on $POST_PATH, then $BURST GETs of it sent at once"
say "the change: $(hook "/discussion${POST_PATH}?comments=1")"
before=$(builds)
BURST_OUT=$("$JAVA" -cp "$TEST_CLASSES" com.dateline.bench.Burst "$APP$POST_PATH" "$BURST")
sleep 1
after=$(builds)
BURST_BUILDS=$((after - before))
say "$BURST_OUT"
say "page builds while they were answered: $BURST_BUILDS"
grep 'Built the public page' "$WORK/server.log" | tail -n +"$((before + 1))" | sed 's/^.*Built/  built/'
say

# --- 7. the signed-in reader's live view ------------------------------------------------------------------------------
SIGNED_ROW=
if [[ $SIGNED_IN == yes ]]; then
    say "## Signed-in readers' live view: $MVN exec:exec@load -Dload=\"--url=$APP --pid=$APP_PID --scenario=reader-view --beacon --clients=$CONNECTIONS --seconds=${DURATION%s} --warmup=${WARMUP%s} --path=$POST_PATH\""
    # shellcheck disable=SC2086
    LIVE_OUT=$($MVN exec:exec@load -Dload="--url=$APP --pid=$APP_PID --scenario=reader-view --beacon --clients=$CONNECTIONS --seconds=${DURATION%s} --warmup=${WARMUP%s} --path=$POST_PATH" 2>&1) || { say "$LIVE_OUT"; die "the load harness failed"; }
    say "$LIVE_OUT"
    live_rate=$(sed -n 's/^signed-in views: .* = \([0-9.]*\) per second.*/\1/p' <<<"$LIVE_OUT")
    live_lat=$(sed -n 's/^latency ms: p50 \([0-9.]*\) .*p99 \([0-9.]*\) .*/\1ms | \2ms/p' <<<"$LIVE_OUT")
    live_cpu=$(sed -n 's/^server CPU: .* = \([0-9.]*\) ms per signed-in view, \([0-9]*\) per server-CPU-second/\1 | \2/p' <<<"$LIVE_OUT")
    live_errors=$(sed -n 's/.*; errors \([0-9]*\)$/\1/p' <<<"$LIVE_OUT")
    SIGNED_ROW="| Dateline signed-in reader's live view (page, UI init, navigation, tab close) | $live_rate | ${live_lat:-? | ?} | ${live_cpu:-? | ?} | errors: ${live_errors:-?} | |"
    say
fi
LOAD_END=$(uptime)
say "load at end: $LOAD_END"
say

say "| target | req/s | p50 | p99 | server CPU ms per view | views per server-CPU-second | non-2xx/3xx | socket errors |"
say "|---|---|---|---|---|---|---|---|"
for row in "${ROWS[@]}"; do say "$row"; done
if [[ -n $SIGNED_ROW ]]; then say "$SIGNED_ROW"; fi
say
say "- Dateline post ÷ nginx: **$RATIO** (req/s)"
say "- Post with $LONG_DISCUSSION comments ÷ the same post without: **$(ratio "$LONG_RPS" "$QUIET_RPS")** in req/s, **$(ratio "$LONG_PER_CPU_S" "$QUIET_PER_CPU_S")** in views per server-CPU-second"
say "- With a comment published elsewhere every second: $CHURN_BUILDS page builds in the run and its warm-up; $(ratio "$CHURN_PER_CPU_S" "$QUIET_PER_CPU_S") of the quiet post's views per server-CPU-second"
say "- $BURST requests at once right after a change: **$BURST_BUILDS** page build(s); $(grep '^status codes' <<<"$BURST_OUT"); $(grep '^different ETags' <<<"$BURST_OUT" | cut -c1-60)"
say "- Anonymous views: open HTTP sessions $SESSIONS_BEFORE after the warm-up, $SESSIONS_MIDWAY after $VIEWS_MIDWAY views, $SESSIONS_AFTER after $ANON_VIEWS; live heap $HEAP_BEFORE KiB, $HEAP_MIDWAY KiB, $HEAP_AFTER KiB (the last after the long discussion was added and its pages read)"
say "- Set-Cookie: $SET_COOKIE"
say "- Load average: start \`${LOAD_START##*load average: }\`, end \`${LOAD_END##*load average: }\` ($(nproc) cores; wrk on the same machine)"
