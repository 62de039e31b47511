"""Staff accounts coming and going: the invitation that replaces handing out passwords, and the
« mot de passe oublié » form, limited and answered alike for every address."""
