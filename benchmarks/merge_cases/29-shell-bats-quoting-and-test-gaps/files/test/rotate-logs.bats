#!/usr/bin/env bats

setup() {
  tmp=$(mktemp -d)
  touch -d '10 days ago' "$tmp/old.log"
  touch "$tmp/new.log"
}

teardown() {
  rm -rf "$tmp"
}

@test "compresses old logs" {
  run bin/rotate-logs "$tmp"
  [ -f "$tmp/old.log.gz" ]
  [ -f "$tmp/new.log" ]
}

@test "prints the directory" {
  run bin/rotate-logs "$tmp"
  [ "$output" = "rotated logs in $tmp" ]
}
