"""What feedback tells the apps above it (records, which archives every input and
reply), without knowing them. Sent by feedback.services inside the write's
transaction, so a receiver's own rows commit or roll back with the input."""

from django.dispatch import Signal

# A resident's input was stored: kwargs `submission`.
submission_received = Signal()
# A reply or an interim reply was sent to the resident: kwargs `event`.
reply_sent = Signal()
