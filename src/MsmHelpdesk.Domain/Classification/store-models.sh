#!/usr/bin/env bash
# Trains the classifier's shipped text models on the embedded corpus and stores them in classifier-models.bin, which the
# build copies next to the Domain assembly (decision record 0193). Run after every change to the training corpus, the
# training settings or how the classifier reads a ticket; StoredModelsTests fails while the committed models are stale,
# and a stale file makes every start train (with a warning).
# Usage: src/MsmHelpdesk.Domain/Classification/store-models.sh     (run from anywhere; needs only the .NET SDK)
set -euo pipefail
cd "$(dirname "$0")/../../.."
dotnet run --project src/MsmHelpdesk.Cli -c Release -- classifier store-models --out src/MsmHelpdesk.Domain/Classification/classifier-models.bin
