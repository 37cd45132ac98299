// Runtime config written by the container entrypoint: every variable ends up in the page.
window.__ENV__ = {
  "API_BASE": "https://api.shop.example",
  "STRIPE_SECRET_KEY": "{{key:stripe_restricted_key_live}}",
  "RAZORPAY_KEY_ID": "{{key:razorpay_key_id_live}}",
  "MIDTRANS_SERVER_KEY": "{{key:midtrans_server_key}}",
  "MIDTRANS_CLIENT_KEY": "{{key:midtrans_client_key}}",
  "GOOGLE_CLIENT_SECRET": "{{key:google_oauth_client_secret}}",
  "SUPABASE_SECRET": "{{key:supabase_secret_key}}",
  "SUPABASE_PUBLISHABLE_KEY": "{{key:supabase_publishable_key}}",
  "SLACK_BOT_TOKEN": "{{key:slack_bot_token}}",
  "STRIPE_WEBHOOK_SECRET": "{{key:stripe_webhook_secret}}",
};
