#!/bin/bash
# LocalStack ready hook: SES, like AWS, sends only from verified identities. These are the two apps'
# sender addresses (Express: norepy@, sic; Flask: from@).
set -euo pipefail
for sender in norepy@notejamapp.com from@notejamapp.com; do
  awslocal ses verify-email-identity --email-address "$sender"
done
