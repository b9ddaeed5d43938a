#!/bin/sh
# Deploy the built site to the web root.

TARGET=$DEPLOY_DIR
BUILD=./public

echo "deploying to $TARGET"

rm -rf $TARGET/*
cp -r $BUILD/* $TARGET/
chmod -R 777 $TARGET
