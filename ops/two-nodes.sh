#!/usr/bin/env bash
# Two Dateline nodes on one PostgreSQL behind nginx with sticky sessions (ops/nginx/dateline.conf), all on this
# machine in a temporary folder, and checks that the routing works:
#   (a) requests without a session are answered by both nodes;
#   (b) a session stays on the node whose route ends its JSESSIONID, its push websocket too;
#   (c) when that node dies (kill -9), the session's next request is answered by the other node, not a 502;
#   (d) the PostgreSQL server is version 15.
# Prints a PASS or FAIL line per check and exits non-zero if one failed. Everything is stopped and removed on exit,
# unless --keep is given: then all keeps running (the killed node is started again) and the script says how to stop.
#
# Usage, from the repository root:  bash ops/two-nodes.sh [--keep]
# Needs: PostgreSQL 15's server programs (PG_BIN, default /usr/lib/postgresql/15/bin), nginx (NGINX, default
# /usr/sbin/nginx), a JDK 25 (JAVA_HOME, default /usr/lib/jvm/temurin-25-jdk-amd64), curl.

set -uo pipefail

REPO=$(cd "$(dirname "$0")/.." && pwd)
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
NGINX=${NGINX:-/usr/sbin/nginx}
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
KEEP=false
[[ ${1:-} == --keep ]] && KEEP=true

FAILED=0
USED_PORTS=()
NODE_PID=()  # by route
NODE_PORT=() # by route, "a" -> index 0, "b" -> index 1

say() { printf '%s\n' "$*"; }
die() {
	say "ERROR: $*" >&2
	exit 2
}
pass() { say "PASS $*"; }
fail() {
	say "FAIL $*"
	FAILED=1
}
index_of() { [[ $1 == a ]] && echo 0 || echo 1; }

# A port nothing listens on, and not one handed out before: the services bind theirs only later, so two calls in a
# row would otherwise see the same port free.
free_port() {
	local port tries
	for tries in {1..100}; do
		port=$((20000 + RANDOM % 40000))
		[[ " ${USED_PORTS[*]} " == *" $port "* ]] && continue
		if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
			USED_PORTS+=("$port")
			echo "$port"
			return 0
		fi
	done
	return 1
}

# PostgreSQL refuses to run as root; as root its programs run as the postgres user, as another user as that user.
# (From the working folder: the postgres user may not be allowed into the current one.)
as_postgres() {
	if [[ $(id -u) == 0 ]]; then
		(cd "$WORK" && runuser -u postgres -- "$@")
	else
		"$@"
	fi
}

# A production jar: a development jar (built without -Pproduction) stops at start-up looking for Vaadin's dev server.
find_or_build_jar() {
	JAR=$(ls "$REPO"/target/dateline-*.jar 2>/dev/null | head -n 1)
	if [[ -n $JAR ]] && ! "$JAVA_HOME/bin/jar" tf "$JAR" | grep -q 'BOOT-INF/lib/vaadin-dev-server'; then
		return
	fi
	say "Building the production jar (a few minutes) ..."
	# Offline: the build's dependencies are in ~/.m2 once the project has been built here; drop -o on a new machine.
	(cd "$REPO" && JAVA_HOME=$JAVA_HOME ./mvnw -o -B -ntp -q -Pproduction -DskipTests -Dspotless.check.skip=true package) ||
		die "the build failed"
	JAR=$(ls "$REPO"/target/dateline-*.jar | head -n 1)
}

start_postgres() {
	PG_PORT=$(free_port) || die "no free port"
	PG_PASSWORD="dateline-$RANDOM$RANDOM$RANDOM"
	mkdir -p "$WORK/pg"
	[[ $(id -u) == 0 ]] && chown postgres: "$WORK/pg"
	# The superuser gets in only through the socket in the folder (trust); the nodes come over TCP with a password.
	as_postgres "$PG_BIN/initdb" -D "$WORK/pg/data" -U postgres -E UTF8 --locale=C.UTF-8 \
		--auth-local=trust --auth-host=scram-sha-256 >"$WORK/pg/initdb.log" 2>&1 || die "initdb failed: $WORK/pg/initdb.log"
	as_postgres "$PG_BIN/pg_ctl" -D "$WORK/pg/data" -l "$WORK/pg/server.log" -w \
		-o "-p $PG_PORT -k $WORK/pg -c listen_addresses=127.0.0.1" start >/dev/null || die "PostgreSQL did not start: $WORK/pg/server.log"
	as_postgres "$PG_BIN/psql" -q -h "$WORK/pg" -p "$PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 \
		-c "create user dateline password '$PG_PASSWORD'" -c "create database dateline owner dateline" ||
		die "could not create the dateline database"
	say "PostgreSQL on 127.0.0.1:$PG_PORT, database dateline, user dateline"
}

# A node: the production jar with its route, its own data folder (mail files, H2's backups folder) and the shared
# database. It is started in the background; wait_until_ready waits for it.
start_node() {
	local route=$1 port i
	i=$(index_of "$route")
	port=${NODE_PORT[$i]:-}
	[[ -n $port ]] || port=$(free_port) || die "no free port"
	mkdir -p "$WORK/node-$route"
	SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/dateline" \
		SPRING_DATASOURCE_USERNAME=dateline SPRING_DATASOURCE_PASSWORD="$PG_PASSWORD" \
		"$JAVA_HOME/bin/java" -Xmx512m -jar "$JAR" --server.port="$port" --dateline.node.route="$route" \
		--dateline.data-dir="$WORK/node-$route/data" >>"$WORK/node-$route/node.log" 2>&1 &
	NODE_PID[$i]=$!
	NODE_PORT[$i]=$port
	say "Node $route starting on 127.0.0.1:$port (pid ${NODE_PID[$i]}, log $WORK/node-$route/node.log)"
}

wait_until_ready() {
	local route=$1 i started
	i=$(index_of "$route")
	started=$SECONDS
	until [[ $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:${NODE_PORT[$i]}/actuator/health/readiness") == 200 ]]; do
		kill -0 "${NODE_PID[$i]}" 2>/dev/null || die "node $route stopped; see $WORK/node-$route/node.log"
		((SECONDS - started < 300)) || die "node $route not ready after 300 s; see $WORK/node-$route/node.log"
		sleep 1
	done
	say "Node $route ready after $((SECONDS - started)) s"
}

# nginx runs from its own prefix folder with the repository's dateline.conf, the node addresses and the port
# changed to this run's.
start_nginx() {
	NGINX_PORT=$(free_port) || die "no free port"
	mkdir -p "$WORK/nginx/temp"
	cp "$REPO/ops/nginx/standalone.conf" "$WORK/nginx/nginx.conf"
	sed -e "s/127\.0\.0\.1:8081/127.0.0.1:${NODE_PORT[0]}/" -e "s/127\.0\.0\.1:8082/127.0.0.1:${NODE_PORT[1]}/" \
		-e "s/listen 8080;/listen 127.0.0.1:$NGINX_PORT;/" "$REPO/ops/nginx/dateline.conf" >"$WORK/nginx/dateline.conf"
	"$NGINX" -p "$WORK/nginx/" -c "$WORK/nginx/nginx.conf" -e error.log -t -q || die "nginx refused the configuration"
	"$NGINX" -p "$WORK/nginx/" -c "$WORK/nginx/nginx.conf" -e error.log || die "nginx did not start: $WORK/nginx/error.log"
	say "nginx on http://127.0.0.1:$NGINX_PORT/"
}

stop_all() {
	local i
	[[ -f $WORK/nginx/nginx.pid ]] && "$NGINX" -p "$WORK/nginx/" -c "$WORK/nginx/nginx.conf" -e error.log -s stop 2>/dev/null
	# SIGTERM: each node finishes its requests in flight and closes its database connections.
	for i in 0 1; do
		[[ -n ${NODE_PID[$i]:-} ]] && kill "${NODE_PID[$i]}" 2>/dev/null
	done
	for i in 0 1; do
		[[ -n ${NODE_PID[$i]:-} ]] && wait "${NODE_PID[$i]}" 2>/dev/null
	done
	[[ -d $WORK/pg/data ]] && as_postgres "$PG_BIN/pg_ctl" -D "$WORK/pg/data" -m fast -w stop >/dev/null 2>&1
}

# Stops everything, and removes the folder unless something went wrong: then its logs are worth reading.
on_exit() {
	local status=$?
	$KEEP && ((status == 0)) && return
	stop_all
	if ((status == 0)); then
		rm -rf "$WORK"
	else
		say "Stopped; the logs are in $WORK"
	fi
}

# curl through nginx, printing "<status> <node address>". With --cookie-jar, the session cookie is sent and kept.
# $upstream_addr lists every node nginx tried ("dead:port, live:port"); the last one answered.
through_nginx() {
	local path=$1 answer
	shift
	answer=$(curl -s -o /dev/null "$@" -w '%{http_code} %header{x-dateline-upstream}' "http://127.0.0.1:$NGINX_PORT$path")
	echo "${answer%% *} ${answer##* }"
}

session_cookie() {
	local line
	while read -r line; do
		[[ $line == *JSESSIONID* ]] && echo "${line##*[[:space:]]}"
	done <"$1"
}

route_of_address() {
	[[ $1 == "127.0.0.1:${NODE_PORT[0]}" ]] && echo a && return
	[[ $1 == "127.0.0.1:${NODE_PORT[1]}" ]] && echo b && return
	echo "?"
}

check_anonymous_requests_reach_both_nodes() {
	local status address by_a=0 by_b=0
	for _ in {1..10}; do
		read -r status address < <(through_nginx /)
		if [[ $status != 200 ]]; then
			fail "(a) anonymous GET / answered $status by '$address'"
			return
		fi
		case $(route_of_address "$address") in
		a) by_a=$((by_a + 1)) ;;
		b) by_b=$((by_b + 1)) ;;
		esac
	done
	if ((by_a > 0 && by_b > 0)); then
		pass "(a) 10 anonymous GET / answered 200 by both nodes: $by_a by node a, $by_b by node b"
	else
		fail "(a) 10 anonymous GET /: $by_a answered by node a, $by_b by node b"
	fi
}

check_a_session_stays_on_its_node() {
	local jar=$WORK/cookies.txt status address first cookie route others=0
	read -r status first < <(through_nginx /login --cookie-jar "$jar")
	cookie=$(session_cookie "$jar")
	SESSION_ROUTE=$(route_of_address "$first")
	route=${cookie##*.}
	say "     GET /login: $status from node $SESSION_ROUTE ($first), JSESSIONID=$cookie"
	for _ in {1..20}; do
		read -r status address < <(through_nginx /login --cookie "$jar" --cookie-jar "$jar")
		[[ $status == 200 && $address == "$first" ]] || others=$((others + 1))
	done
	if ((others == 0)) && [[ $route == "$SESSION_ROUTE" && $(session_cookie "$jar") == "$cookie" ]]; then
		pass "(b) 20 requests with the session cookie all answered 200 by node $SESSION_ROUTE, whose route ends the JSESSIONID"
	else
		fail "(b) $others of 20 requests answered otherwise or elsewhere; cookie route '$route', node $SESSION_ROUTE, cookie now $(session_cookie "$jar")"
	fi
}

# Vaadin push opens a websocket to /VAADIN/push: the upgrade must pass nginx and reach the session's node. nginx adds
# no header to a 101 answer, so its access log (ops/nginx/standalone.conf) tells which node took it. The handshake
# names no real UI, so the node closes the socket after accepting it; the routing is what is checked.
check_push_reaches_the_sessions_node() {
	local jar=$WORK/cookies.txt status line="" address
	# The socket stays open until the node closes it or curl gives up; nginx logs the request when it ends.
	status=$(curl -s -o /dev/null -m 2 --cookie "$jar" -w '%{http_code}' -H 'Connection: Upgrade' -H 'Upgrade: websocket' \
		-H 'Sec-WebSocket-Version: 13' -H 'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==' \
		"http://127.0.0.1:$NGINX_PORT/VAADIN/push?v-r=push&v-uiId=0&v-pushId=check")
	for _ in {1..10}; do
		line=$(grep -F '/VAADIN/push' "$WORK/nginx/access.log" | tail -n 1)
		[[ -n $line ]] && break
		sleep 1
	done
	address=${line##* }
	if [[ $status == 101 && $(route_of_address "$address") == "$SESSION_ROUTE" ]]; then
		pass "(b) the push websocket handshake with the session cookie answered 101 by node $SESSION_ROUTE"
	else
		fail "(b) the push websocket handshake with the session cookie answered $status by '$address'"
	fi
}

check_the_session_moves_when_its_node_dies() {
	local jar=$WORK/cookies.txt i status address other
	i=$(index_of "$SESSION_ROUTE")
	[[ $SESSION_ROUTE == a ]] && other=b || other=a
	kill -9 "${NODE_PID[$i]}"
	wait "${NODE_PID[$i]}" 2>/dev/null
	say "     node $SESSION_ROUTE killed (kill -9)"
	read -r status address < <(through_nginx /login --cookie "$jar" --cookie-jar "$jar" -D "$WORK/headers.txt")
	if [[ $(route_of_address "$address") == "$other" && ($status == 200 || ($status == 302 && $(grep -i '^location:' "$WORK/headers.txt") == *"/login"*)) ]]; then
		pass "(c) with node $SESSION_ROUTE dead the session's next request answered $status by node $other (new JSESSIONID=$(session_cookie "$jar"))"
	else
		fail "(c) with node $SESSION_ROUTE dead the session's next request answered $status by '$address'"
	fi
}

check_postgres_version() {
	local version
	version=$(PGPASSWORD=$PG_PASSWORD "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U dateline -d dateline -tA \
		-c "show server_version")
	if [[ $version == 15.* ]]; then
		pass "(d) PostgreSQL server version $version"
	else
		fail "(d) PostgreSQL server version '$version', not 15.x"
	fi
}

# With --keep the node killed in (c) comes back, so that two nodes are left running.
keep_running() {
	start_node "$SESSION_ROUTE"
	wait_until_ready "$SESSION_ROUTE"
	local pids="${NODE_PID[0]} ${NODE_PID[1]}" pg_user=""
	[[ $(id -u) == 0 ]] && pg_user="runuser -u postgres -- "
	{
		say "\"$NGINX\" -p \"$WORK/nginx/\" -c \"$WORK/nginx/nginx.conf\" -e error.log -s stop"
		say "kill $pids; while kill -0 $pids 2>/dev/null; do sleep 1; done"
		say "(cd \"$WORK\" && $pg_user\"$PG_BIN/pg_ctl\" -D \"$WORK/pg/data\" -m fast -w stop)"
		say "rm -rf \"$WORK\""
	} >"$WORK/stop.sh"
	say ""
	say "Left running:"
	say "  the site through nginx  http://127.0.0.1:$NGINX_PORT/"
	say "  node a                  http://127.0.0.1:${NODE_PORT[0]}/ (pid ${NODE_PID[0]})"
	say "  node b                  http://127.0.0.1:${NODE_PORT[1]}/ (pid ${NODE_PID[1]})"
	say "  PostgreSQL              jdbc:postgresql://127.0.0.1:$PG_PORT/dateline (user dateline, password $PG_PASSWORD)"
	say "Stop everything with:     bash $WORK/stop.sh"
}

main() {
	[[ -x $PG_BIN/initdb ]] || die "no PostgreSQL server programs in $PG_BIN (set PG_BIN)"
	[[ -x $NGINX ]] || die "no nginx at $NGINX (set NGINX)"
	[[ -x $JAVA_HOME/bin/java ]] || die "no java in $JAVA_HOME (set JAVA_HOME)"
	find_or_build_jar
	WORK=$(mktemp -d -t dateline-two-nodes.XXXXXX)
	# PostgreSQL (as root: the postgres user) and nginx's workers (as root: nobody) must reach their folders.
	chmod 755 "$WORK"
	trap on_exit EXIT
	say "Working folder $WORK, jar $JAR"

	start_postgres
	# One after the other: the first node fills the empty database (Flyway, demo posts), the second finds it ready.
	start_node a
	wait_until_ready a
	start_node b
	wait_until_ready b
	start_nginx

	say ""
	check_anonymous_requests_reach_both_nodes
	check_a_session_stays_on_its_node
	check_push_reaches_the_sessions_node
	check_the_session_moves_when_its_node_dies
	check_postgres_version

	if ((FAILED != 0)); then
		say "Some checks FAILED."
		exit 1
	fi
	$KEEP && keep_running
	exit 0
}

main
