#!/usr/bin/env bash
# A real mail server on loopback for the e-mail channel tests (idempotent; runs as root; no systemd needed).
#   SMTP (Postfix):  127.0.0.1:2525, no auth, hands every *@okno.test to dovecot-lda → Maildir
#   IMAP (Dovecot):  127.0.0.1:1143, plain login without TLS, any user@okno.test with password "okno-test";
#                    127.0.0.2:1143 serves the same mailboxes but without IDLE (the polling fallback)
# *@reject.okno.test is refused with 550 5.1.1; *@bounce.okno.test is accepted, then bounced with a DSN to its sender.
# Every address @okno.test is a mailbox, so each test uses its own fresh addresses (firm-<id>@okno.test).
set -euo pipefail

VMAIL_UID=5000
VMAIL_DIR=/var/mail/okno-vhosts
DOVECOT_CONF=/etc/dovecot/okno-test.conf
PASSWORD=okno-test

if ! command -v postfix >/dev/null || ! command -v dovecot >/dev/null; then
  echo "setup-mailserver: install the Debian packages postfix and dovecot-imapd first" >&2
  exit 1
fi

getent group vmail >/dev/null || groupadd -g $VMAIL_UID vmail
getent passwd vmail >/dev/null || useradd -u $VMAIL_UID -g $VMAIL_UID -d $VMAIL_DIR -s /usr/sbin/nologin vmail
mkdir -p $VMAIL_DIR && chown vmail:vmail $VMAIL_DIR

# ---- Postfix: virtual mailboxes for okno.test, an extra smtpd on 127.0.0.1:2525 ----
[ -f /etc/mailname ] || echo "mail.okno.test" > /etc/mailname
# A package installed with "No configuration" has no main.cf: start from the shipped template.
if [ ! -f /etc/postfix/main.cf ]; then
  cp /usr/share/postfix/main.cf.debian /etc/postfix/main.cf 2>/dev/null || cp /etc/postfix/main.cf.proto /etc/postfix/main.cf 2>/dev/null || touch /etc/postfix/main.cf
fi
postconf -e \
  "myhostname = mail.okno.test" \
  "mydomain = okno.test" \
  "myorigin = okno.test" \
  "mydestination = localhost" \
  "inet_interfaces = loopback-only" \
  "inet_protocols = ipv4" \
  "mynetworks = 127.0.0.0/8" \
  "relayhost =" \
  "smtpd_relay_restrictions = permit_mynetworks, reject_unauth_destination" \
  "smtpd_tls_security_level = none" \
  "smtp_tls_security_level = none" \
  "virtual_mailbox_domains = okno.test" \
  "virtual_mailbox_maps = regexp:/etc/postfix/okno-vmailbox" \
  "virtual_transport = oknolda" \
  "transport_maps = texthash:/etc/postfix/okno-transport" \
  "oknolda_destination_recipient_limit = 1" \
  "message_size_limit = 52428800" \
  "maillog_file = /var/log/postfix-okno.log" \
  "compatibility_level = 3.6"
# Every user@okno.test exists; dovecot-lda (in dovecot-core) files it under $VMAIL_DIR/okno.test/user.
echo '/^[^@]+@okno\.test$/ OK' > /etc/postfix/okno-vmailbox
# Mail to *@reject.okno.test is refused during SMTP (550 5.1.1); mail to *@bounce.okno.test is accepted, then
# bounced: the sender gets a real Postfix DSN (multipart/report) — for the SMTP-error and bounce tests.
printf '%s\n' 'reject.okno.test error:5.1.1 Mailbox does not exist' 'bounce.okno.test oknofail:' > /etc/postfix/okno-transport
postconf -M 'oknofail/unix=oknofail unix - n n - - pipe user=vmail:vmail argv=/bin/sh -c { exit 67 }'
# No chroot: a container has no populated /var/spool/postfix/etc.
postconf -F 'smtp/inet/chroot = n' 2>/dev/null || true
postconf -M '127.0.0.1:2525/inet=127.0.0.1:2525 inet n - n - - smtpd'
postconf -F '127.0.0.1:2525/inet/chroot = n'
postconf -M "oknolda/unix=oknolda unix - n n - - pipe flags=DRhu user=vmail:vmail argv=/usr/lib/dovecot/dovecot-lda -c $DOVECOT_CONF -f \${sender} -d \${recipient}"
newaliases 2>/dev/null || true
postfix check
postsuper -d ALL deferred >/dev/null 2>&1 || true
postfix status >/dev/null 2>&1 && postfix reload >/dev/null 2>&1 || postfix start >/dev/null 2>&1

# ---- Dovecot: a self-contained config, IMAP only, loopback only ----
cat > $DOVECOT_CONF <<CONF
protocols = imap
listen = 127.0.0.1, 127.0.0.2
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
mail_location = maildir:$VMAIL_DIR/%d/%n
mail_uid = $VMAIL_UID
mail_gid = $VMAIL_UID
first_valid_uid = $VMAIL_UID
log_path = /var/log/dovecot-okno.log
base_dir = /run/dovecot-okno
state_dir = /var/lib/dovecot-okno
service imap-login {
  inet_listener imap {
    address = 127.0.0.1, 127.0.0.2
    port = 1143
  }
  inet_listener imaps {
    port = 0
  }
}
# The same mailboxes on 127.0.0.2:1143 without IDLE: the e-mail channel's polling fallback is tested there.
local 127.0.0.2 {
  protocol imap {
    imap_capability = IMAP4rev1 SASL-IR LITERAL+ UIDPLUS NAMESPACE CHILDREN SPECIAL-USE
  }
}
service auth {
  unix_listener auth-userdb {
    mode = 0666
  }
}
service stats {
  unix_listener stats-writer {
    mode = 0666
  }
}
passdb {
  driver = static
  args = password=$PASSWORD
}
userdb {
  driver = static
  args = uid=$VMAIL_UID gid=$VMAIL_UID home=$VMAIL_DIR/%d/%n
}
namespace inbox {
  inbox = yes
  mailbox Sent {
    special_use = \Sent
    auto = subscribe
  }
}
CONF
mkdir -p /var/lib/dovecot-okno /run/dovecot-okno
touch /var/log/dovecot-okno.log && chown vmail:vmail /var/log/dovecot-okno.log && chmod 0666 /var/log/dovecot-okno.log
if [ -f /run/dovecot-okno/master.pid ] && kill -0 "$(cat /run/dovecot-okno/master.pid)" 2>/dev/null; then
  doveadm -c $DOVECOT_CONF reload >/dev/null
else
  dovecot -c $DOVECOT_CONF
fi

wait_port() {
  for _ in $(seq 1 60); do
    (exec 3<>/dev/tcp/127.0.0.1/$1) 2>/dev/null && { exec 3>&- 3<&- 2>/dev/null || true; return 0; }
    sleep 0.5
  done
  echo "setup-mailserver: nothing listens on 127.0.0.1:$1" >&2
  return 1
}
wait_port 2525
wait_port 1143
echo "mail server ready: SMTP 127.0.0.1:2525, IMAP 127.0.0.1:1143 (users *@okno.test, password $PASSWORD)"
