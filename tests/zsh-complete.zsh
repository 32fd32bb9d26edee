#!/usr/bin/env zsh
# Prints what zsh offers when TAB is pressed after the words given, with the completion
# functions of folder $1 on fpath: one candidate per line, sorted. Drives an interactive
# `zsh -f` in a pseudo-terminal (zpty), as a user at a prompt.
#   zsh tests/zsh-complete.zsh completions "eksiam create "
emulate -L zsh
zmodload zsh/zpty zsh/datetime || exit 2
dir=$1; shift
out=()

# Reads the shell's output until a line starts with $1 (or 15 s pass).
await() {
  local line deadline=$(( EPOCHREALTIME + 15 ))
  while (( EPOCHREALTIME < deadline )); do
    if zpty -r -t z line; then
      out+=("$line")
      [[ $line == *$1* ]] && return 0
    else
      sleep 0.02
    fi
  done
  print -u2 "zsh-complete: no '$1' from zsh; it said:"
  print -rl -- "${out[@]}" | cat -v >&2
  return 1
}

zpty z zsh -f -i
zpty -w z "stty rows 200 cols 200; LISTMAX=100000; PROMPT='> '; fpath=(${(q)dir} \$fpath); autoload -Uz compinit && compinit -u -D"
# While completing, every candidate offered is also printed after a marker.
zpty -w z '_capture() { compadd() { local -a m; builtin compadd -O m "$@"; (( $#m )) && print -rl -- "<match>"${^m}; builtin compadd "$@" } }'
# When completion has finished (after every compadd), a marker; the next keys wait for it.
zpty -w z "_finished() { print -- __COMPLE''TED__ }"
zpty -w z "compprefuncs=(_capture); comppostfuncs=(_finished); print -- __REA''DY__"
await __READY__ || exit 1
out=()
zpty -w -n z "$*"$'\t'
await __COMPLETED__ || exit 1
zpty -w z $'\C-u'"print -- __DO''NE__"
await __DONE__ || exit 1
zpty -d z
for line in "${out[@]}"; do
  line=${line//$'\r'/}
  [[ $line == *'<match>'?* ]] && print -r -- "${line##*<match>}"
done | sort -u
