"""Each page type that changed app in the split of pages/ (issue #24), by the app it went to."""

MOVED_PAGE_TYPES = {
    "contact": ["ContactPage"],
    "newsletters": ["NewsletterPage"],
    "legal": ["LegalNoticePage", "PrivacyPage", "AccessibilityPage"],
    "people": ["TeamPage", "PersonPage"],
    "programmes": ["ProgrammeIndexPage", "ProgrammePage"],
    "press": ["PressIndexPage", "PressReleasePage"],
}
