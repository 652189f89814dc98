#!/bin/bash
# Emulated Restart=always: restart the kiosk whenever it exits; kill -9 it at random moments; damage files.
X=/tmp/hostile/loop; rm -rf $X; mkdir -p $X/{c,d,ca,s}
export XDG_CONFIG_HOME=$X/c XDG_DATA_HOME=$X/d XDG_CACHE_HOME=$X/ca XDG_STATE_HOME=$X/s QT_QPA_PLATFORM=offscreen PYTHONPATH=/work/wt/hostile
cd /work/wt/hostile
end=$(( $(date +%s) + ${1:-60} )); starts=0; selfexit=0; codes=""
while [ $(date +%s) -lt $end ]; do
  starts=$((starts+1))
  /work/main/.venv/bin/python -m kiosk >> $X/stderr.txt 2>&1 &
  pid=$!
  sleep 0.$((RANDOM % 9 + 1))$((RANDOM % 10)); sleep $((RANDOM % 4))
  case $((RANDOM % 6)) in
    0) f=$X/c/lukou-kiosk/settings.json; [ -e $f ] && head -c 7 $f > $f.x && mv $f.x $f ;;
    1) f=$X/d/lukou-kiosk/statistics.sqlite3; [ -e $f ] && dd if=/dev/urandom of=$f bs=1 count=100 seek=0 conv=notrunc status=none ;;
    2) d=$X/ca/lukou-kiosk; [ -d $d ] && find $d -type f -name '*.json' -exec sh -c 'head -c 20 /dev/urandom > "$1"' _ {} \; ;;
    3) f=$X/c/lukou-kiosk/staff-pin-lockout.json; [ -e $f ] && echo '{"failures": 1, "rou' > $f ;;
    *) ;;
  esac
  if kill -0 $pid 2>/dev/null; then kill -9 $pid; wait $pid 2>/dev/null; codes="$codes k"; else wait $pid; rc=$?; selfexit=$((selfexit+1)); codes="$codes $rc"; fi
done
echo "starts=$starts self-exits=$selfexit codes:$codes"
echo "tracebacks in stderr: $(grep -c Traceback $X/stderr.txt)"
echo "leftover temp files:"; find $X -name '*.tmp' | head
ls -la $X/c/lukou-kiosk $X/d/lukou-kiosk | grep -v "^total"
grep -c . $X/s/lukou-kiosk/log/kiosk.log 2>/dev/null; grep -h "ERROR\|CRITICAL" $X/s/lukou-kiosk/log/kiosk.log* 2>/dev/null | cut -c1-200 | sort | uniq -c | sort -rn | head -15
