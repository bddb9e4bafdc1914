"""What to answer: platform-neutral handlers shared by Telegram, the console and the tests."""
