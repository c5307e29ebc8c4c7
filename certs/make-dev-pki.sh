#!/usr/bin/env bash
# Makes the Qujat development PKI: root CA -> issuing CA -> one signing certificate per
# login, plus a TSA, an OCSP responder, a TLS server certificate, CRLs and the trust
# directory that `qujat signature verify --trust DIR` reads. See certs/README.md.
#
#   certs/make-dev-pki.sh [--test-users] [--revoke LOGIN]... OUTDIR [LOGIN...]
#
# Idempotent: what exists in OUTDIR is kept (keys are never regenerated), what is missing
# is made, and the CRLs and OUTDIR/trust/ are always renewed. OUTDIR must be outside the
# git work tree, or inside it only under a git-ignored path (e.g. certs/dev-pki/).
set -euo pipefail

readonly kDefaultLogins=(
    chairman.ppo-00001 secretary.ppo-00001
    registrar.ast-01 chairman.ast-01
    bureau-member-1.ast-01 bureau-member-2.ast-01 bureau-member-3.ast-01 bureau-member-4.ast-01
)
# Test-only users: each one breaks exactly one rule a verifier must enforce, except
# rsa.user, which is a valid RSA-2048 signer.
readonly kTestUsers=(revoked.user expired.user future.user encipher.user weak.user rsa.user)
readonly kCrlDays=30
# Certificates and CRLs start this many days ago, so that the demo, which replays a past
# week of work on its own clock, signs within their validity.
readonly kBackdateDays=30

usage() {
    cat >&2 <<EOF
usage: $0 [--test-users] [--revoke LOGIN]... OUTDIR [LOGIN...]
  OUTDIR        where the PKI goes (created; must not be tracked by git)
  LOGIN...      users to certify (default: ${kDefaultLogins[*]})
  --test-users  also make ${kTestUsers[*]}
  --revoke L    revoke user L (keyCompromise) and renew the CRL
environment: QUJAT_OCSP_URL (default http://127.0.0.1:8889/ocsp)
EOF
    exit 2
}

die() { echo "make-dev-pki: $*" >&2; exit 1; }

testUsers=0
revocations=()
while [[ $# -gt 0 ]]; do
    case "$1" in
        --test-users) testUsers=1; shift ;;
        --revoke) [[ $# -ge 2 ]] || usage; revocations+=("$2"); shift 2 ;;
        -h|--help) usage ;;
        --) shift; break ;;
        -*) echo "unknown option: $1" >&2; usage ;;
        *) break ;;
    esac
done
[[ $# -ge 1 ]] || usage
command -v openssl >/dev/null || die "openssl is not installed"

scriptDir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
confDir="$scriptDir/openssl"
out=$(realpath -m -- "$1")
shift
logins=("$@")
[[ ${#logins[@]} -gt 0 ]] || logins=("${kDefaultLogins[@]}")
[[ $testUsers -eq 1 ]] && logins+=("${kTestUsers[@]}")

for login in "${logins[@]}" "${revocations[@]}"; do
    [[ "$login" =~ ^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$ ]] || die "not a login: '$login'"
done

# Private keys must never land in version control: refuse any OUTDIR inside the work tree
# that git would track. The check runs before anything is created.
repo=$(realpath -m -- "$scriptDir/..")
if [[ "$out/" == "$repo/"* || "$out" == "$repo" ]]; then
    if ! command -v git >/dev/null || ! git -C "$repo" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
        die "refusing to write inside $repo: cannot ask git whether $out is ignored"
    fi
    git -C "$repo" check-ignore -q -- "$out/" \
        || die "refusing to write keys into the repository: $out is not git-ignored (use certs/dev-pki/ or a path outside $repo)"
fi

export QUJAT_OCSP_URL="${QUJAT_OCSP_URL:-http://127.0.0.1:8889/ocsp}"
umask 077
mkdir -p "$out"
out=$(cd "$out" && pwd -P)

# YYYYMMDDHHMMSSZ, days from now (negative: in the past). Certificates are dated relative
# to today so the expired/not-yet-valid users stay inside their CAs' validity.
# Dates relative to one instant, so a CRL's lastUpdate and nextUpdate (or a certificate's
# notBefore and notAfter) are exactly the intended number of days apart.
readonly kNow=$(date -u +%s)
stamp() { date -u -d "@$((kNow + $1 * 86400))" +%Y%m%d%H%M%SZ; }

# A 12-digit IIN-like number derived from the login: the first 60 bits of its SHA-256,
# reduced mod 10^12. Deterministic, so tests and the directory can predict it; it is not a
# valid real IIN (no birth date, no check digit).
iinOf() {
    local hex
    hex=$(printf '%s' "$1" | openssl dgst -sha256 -r | cut -c1-15)
    printf '%012d' $(( 16#$hex % 1000000000000 ))
}

newKey() {  # FILE ALG
    local file=$1 alg=$2
    [[ -s "$file" ]] && return 0
    case "$alg" in
        p256) openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$file.tmp" ;;
        p384) openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-384 -out "$file.tmp" ;;
        rsa1024) openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:1024 -out "$file.tmp" 2>/dev/null ;;
        rsa2048) openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$file.tmp" 2>/dev/null ;;
        *) die "unknown key algorithm $alg" ;;
    esac
    chmod 600 "$file.tmp"
    mv "$file.tmp" "$file"
}

initCa() {  # DIR
    mkdir -p "$1/newcerts"
    [[ -f "$1/index.txt" ]] || : > "$1/index.txt"
    [[ -f "$1/serial" ]] || openssl rand -hex 16 | sed 's/^./1/' > "$1/serial"
    [[ -f "$1/crlnumber" ]] || echo 1000 > "$1/crlnumber"
}

# issue CA_CONF CA_DIR EXTENSIONS SUBJECT KEY CERT START_DAYS END_DAYS [-selfsign]
issue() {
    local conf=$1 caDir=$2 ext=$3 subject=$4 key=$5 cert=$6 start=$7 end=$8 selfsign=${9:-}
    [[ -s "$cert" ]] && return 0
    openssl req -new -config "$confDir/req.cnf" -key "$key" -subj "$subject" -out "$cert.csr"
    QUJAT_CA_DIR="$caDir" openssl ca -batch -notext -config "$confDir/$conf" ${selfsign:+"$selfsign"} \
        -extensions "$ext" -startdate "$(stamp "$start")" -enddate "$(stamp "$end")" \
        -in "$cert.csr" -out "$cert.tmp" 2>"$cert.log" \
        || { cat "$cert.log" >&2; die "openssl ca failed for $subject"; }
    rm -f "$cert.csr" "$cert.log"
    mv "$cert.tmp" "$cert"
    chmod 644 "$cert"
}

rootDir="$out/ca/root"
issuingDir="$out/ca/issuing"
initCa "$rootDir"
initCa "$issuingDir"

# The CAs are back-dated a year so certificates that expired "last quarter" still chain.
newKey "$rootDir/key.pem" p384
issue root-ca.cnf "$rootDir" root_ext "/C=KZ/O=Qujat Development/CN=Qujat Development Root CA" \
    "$rootDir/key.pem" "$rootDir/cert.pem" -365 7300 -selfsign
newKey "$issuingDir/key.pem" p384
issue root-ca.cnf "$rootDir" issuing_ext "/C=KZ/O=Qujat Development/CN=Qujat Development Issuing CA" \
    "$issuingDir/key.pem" "$issuingDir/cert.pem" -365 3650

makeUser() {  # LOGIN
    local login=$1 dir="$out/users/$1" alg=p256 ext=user_ext start=-$kBackdateDays end=730
    case "$login" in
        expired.user) start=-200; end=-100 ;;
        future.user) start=100; end=465 ;;
        encipher.user) ext=encipher_ext ;;
        weak.user) alg=rsa1024 ;;
        rsa.user) alg=rsa2048 ;;
    esac
    mkdir -p "$dir"
    newKey "$dir/key.pem" "$alg"
    issue issuing-ca.cnf "$issuingDir" "$ext" "/CN=$login/serialNumber=$(iinOf "$login")" \
        "$dir/key.pem" "$dir/cert.pem" "$start" "$end"
    cp "$issuingDir/cert.pem" "$dir/chain.pem"
    if [[ ! -s "$dir/$login.p12" ]]; then
        openssl rand -hex 16 > "$dir/$login.p12.pass"
        chmod 600 "$dir/$login.p12.pass"
        openssl pkcs12 -export -name "$login" -inkey "$dir/key.pem" -in "$dir/cert.pem" \
            -certfile "$dir/chain.pem" -passout "file:$dir/$login.p12.pass" -out "$dir/$login.p12.tmp"
        chmod 600 "$dir/$login.p12.tmp"
        mv "$dir/$login.p12.tmp" "$dir/$login.p12"
    fi
}

makeService() {  # NAME EXTENSIONS SUBJECT
    local dir="$out/$1"
    mkdir -p "$dir"
    newKey "$dir/key.pem" p256
    issue issuing-ca.cnf "$issuingDir" "$2" "$3" "$dir/key.pem" "$dir/cert.pem" -$kBackdateDays 730
    cat "$dir/cert.pem" "$issuingDir/cert.pem" > "$dir/chain.pem"
}

for login in "${logins[@]}"; do makeUser "$login"; done
makeService tsa tsa_ext "/C=KZ/O=Qujat Development/CN=Qujat Development TSA"
makeService ocsp ocsp_ext "/C=KZ/O=Qujat Development/CN=Qujat Development OCSP Responder"
makeService tls server_ext "/C=KZ/O=Qujat Development/CN=localhost"

isRevoked() {  # CA_DIR CERT
    local serial
    serial=$(openssl x509 -in "$2" -noout -serial | cut -d= -f2)
    awk -F'\t' -v s="$serial" '$1 == "R" && toupper($4) == toupper(s) { found = 1 } END { exit !found }' "$1/index.txt"
}

revoke() {  # LOGIN
    local cert="$out/users/$1/cert.pem"
    [[ -s "$cert" ]] || die "cannot revoke $1: $cert does not exist"
    isRevoked "$issuingDir" "$cert" && return 0
    QUJAT_CA_DIR="$issuingDir" openssl ca -batch -config "$confDir/issuing-ca.cnf" \
        -revoke "$cert" -crl_reason keyCompromise 2>/dev/null
}

[[ $testUsers -eq 1 ]] && revoke revoked.user
for login in "${revocations[@]}"; do revoke "$login"; done

# CRLs from both CAs: with CRL_CHECK_ALL a verifier needs one for every certificate in
# the chain, the issuing CA's own included.
mkdir -p "$out/trust.tmp"
QUJAT_CA_DIR="$rootDir" openssl ca -batch -config "$confDir/root-ca.cnf" -gencrl \
    -crl_lastupdate "$(stamp -$kBackdateDays)" -crl_nextupdate "$(stamp $kCrlDays)" -out "$out/trust.tmp/root.crl.pem" 2>/dev/null
QUJAT_CA_DIR="$issuingDir" openssl ca -batch -config "$confDir/issuing-ca.cnf" -gencrl \
    -crl_lastupdate "$(stamp -$kBackdateDays)" -crl_nextupdate "$(stamp $kCrlDays)" -out "$out/trust.tmp/issuing-ca.crl.pem" 2>/dev/null
cp "$rootDir/cert.pem" "$out/trust.tmp/root.pem"
cp "$issuingDir/cert.pem" "$out/trust.tmp/issuing-ca.pem"
chmod 755 "$out/trust.tmp"
chmod 644 "$out/trust.tmp"/*
rm -rf "$out/trust.old"
[[ -d "$out/trust" ]] && mv "$out/trust" "$out/trust.old"
mv "$out/trust.tmp" "$out/trust"
rm -rf "$out/trust.old"

# login, IIN and certificate fingerprint of every user: what an administrator registers
# to bind a certificate to a person.
{
    printf 'login\tiin\tsha256\n'
    for dir in "$out"/users/*/; do
        login=$(basename "$dir")
        [[ -s "$dir/cert.pem" ]] || continue
        fp=$(openssl x509 -in "$dir/cert.pem" -noout -fingerprint -sha256 | cut -d= -f2 | tr -d : | tr 'A-F' 'a-f')
        printf '%s\t%s\t%s\n' "$login" "$(iinOf "$login")" "$fp"
    done
} > "$out/users.tsv"
chmod 644 "$out/users.tsv"

echo "development PKI in $out (trust directory: $out/trust)"
