-- A sent mail's text is not needed again, and an invitation's or a password link's token was in it in plain text
-- (the tables themselves keep only the token's hash): sent mails keep their envelope, not their bodies.
UPDATE "mail_queue" SET "text_body" = '', "html_body" = '' WHERE "status" = 'sent';
