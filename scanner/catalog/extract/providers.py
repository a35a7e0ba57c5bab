"""Well-known processors (hosting, analytics, payment, e-mail, support, AI, monitoring) and the
countries that postal addresses name.

A provider's name never implies where it processes data: only a name that itself contains a
country ("Microsoft Ireland Operations Limited", "Google Ireland Limited") or an address or
country the text states next to it does. Ambiguous English words (Segment, Heap, Render,
Plausible, Crisp …) match only capitalised and followed by a company cue or a list separator.
"""

from __future__ import annotations

import re

# company cue after an ambiguous name: "Segment Inc.", "Heap (analytics)", "Render," …
_CO = r"(?=\s*(?:,|\(|\)|;|:|\||/|[—–]|\.(?:\s|$)|$|\s+(?:Inc|LLC|Ltd|GmbH|Limited|Technologies|Labs|Software|Analytics|Payments)\b))"

# GitHub as a processor, not as where the policy, the code or the issue tracker lives ("Report
# via GitHub Issues", "https://github.com/…", "our GitHub repository", "the GitHub App"): those
# name a channel or the product's own kind (of the 25 such mentions on 1,480 texts labellers took 3)
_GITHUB = (
    r"(?<![/.@\w])GitHub\b(?!\.(?:com|io)\b|[-\s]+(?:[Ii]ssues?|[Rr]epo(?:s|sitory|sitories)?|[Pp]rofile"
    r"|[Hh]andle|[Uu]sername|[Aa]pps?\b|[Dd]iscussions|[Rr]eleases?|[Pp]ull))"
)

# (pattern, canonical name, country the name itself states or None)
_PROVIDER_TABLE: tuple[tuple[str, str, str | None], ...] = (
    (r"Microsoft Ireland(?: Operations)?(?: Limited| Ltd\.?)?", "Microsoft Ireland Operations Limited", "IE"),
    (r"Microsoft Corp(?:oration|\.)", "Microsoft Corporation", "US"),
    # not Azure as the customer's directory or console ("Azure Tenant ID", "the Azure Portal",
    # "Azure DevOps" work items, "Azure Marketplace")
    (r"(?:Microsoft )?Azure(?! Active Directory| AD\b| DevOps| Portal| Marketplace| [Tt]enant| client ID"
     r"| subscription| Helper)(?: OpenAI)?|Application Insights", "Microsoft Azure", None),
    (r"(?:(?<!issued )(?<!verified )\b(?:an|to|by|von|durch|with|mit|use|uses|using|nutzen|nutzt|Anbieter[s]?|provider|Fa\.|Firma)\s+(?:ist\s+)?(?:die\s+)?Microsoft\b|\bMicrosoft Inc\b|\bMicrosoft\s+(?:ist|is|verarbeitet|processes|erhebt|collects|can|kann))(?!\s+(?:Teams|Office|365|Graph|Entra|Outlook|Account|Konto|account|Bot|Word|Excel|Forms|SharePoint|OneDrive|Exchange|[Aa]pplications?|Anwendungen|[Pp]roducts?|Produkte|[Ss]ervices?|Dienste|[Ii]dentity|Privacy|Datenschutz|Clarity|API|App Store|AppSource|user data|for analysis)|['’]s (?:own )?(?:OAuth|authentication|delegated|identity|sign-in|login))",
     "Microsoft", None),
    (r"Microsoft Clarity", "Microsoft Clarity", None),
    (r"Amazon Web Services|\bAWS\b|Amazon SES|Amazon S3", "Amazon Web Services", None),
    (r"Google Ireland(?: Limited| Ltd\.?)?", "Google Ireland Limited", "IE"),
    # Firebase's products by the name the policy gives them: labellers list "Firebase
    # Crashlytics" and "Firebase Analytics" as two recipients
    (r"Firebase Crashlytics|\bCrashlytics\b", "Firebase Crashlytics", None),
    (r"Firebase Analytics|Google Analytics for Firebase", "Firebase Analytics", None),
    (r"Firebase Auth(?:entication)?\b", "Firebase Authentication", None),
    (r"Firebase Cloud Messaging", "Firebase Cloud Messaging", None),
    (r"Google Analytics|\bGA4\b", "Google Analytics", None),
    (r"Google Cloud(?: Platform)?|\bGCP\b", "Google Cloud", None),
    (r"Google Workspace|\bG Suite\b", "Google Workspace", None),
    (r"Firestore|Firebase", "Google Firebase", None),
    (r"Google Tag Manager", "Google Tag Manager", None),
    (r"Google Fonts|Google Maps|Google Ads\b|reCAPTCHA|Google LLC|Google Gemini|Vertex AI", "Google", None),
    (r"\bYouTube\b", "YouTube", None), (r"\bVimeo\b", "Vimeo", None),
    (r"\bOpenAI\b|ChatGPT", "OpenAI", None), (r"\bAnthropic\b", "Anthropic", None),
    (r"\bMistral AI\b", "Mistral AI", None), (r"\bCohere\b", "Cohere", None),
    (r"\bGroq\b", "Groq", None), (r"\bDeepL\b", "DeepL", None),
    (r"\bPostHog\b", "PostHog", None), (r"\bMixpanel\b", "Mixpanel", None),
    (r"(?-i:\bAmplitude\b)" + _CO, "Amplitude", None), (r"(?-i:\bHeap\b)" + _CO, "Heap", None),
    (r"(?-i:\bSegment\b)" + _CO, "Segment", None), (r"\bHotjar\b", "Hotjar", None),
    (r"\bMatomo\b|\bInnoCraft\b", "Matomo", None), (r"(?-i:\bPlausible\b)" + _CO + r"|Plausible Analytics", "Plausible Analytics", None),
    (r"\bFathom Analytics\b", "Fathom Analytics", None), (r"\bLogRocket\b", "LogRocket", None),
    (r"\bStripe\b", "Stripe", None), (r"\bPayPal\b", "PayPal", None), (r"\bPaddle\b", "Paddle", None),
    (r"\bRazorpay\b", "Razorpay", None), (r"\bMollie\b", "Mollie", None), (r"\bAdyen\b", "Adyen", None), (r"\bBraintree\b", "Braintree", None),
    (r"\bKlarna\b|\bSofortüberweisung\b", "Klarna", None), (r"\bChargebee\b", "Chargebee", None),
    (r"\bLemon ?Squeezy\b", "Lemon Squeezy", None), (r"\bFastSpring\b", "FastSpring", None),
    (r"\bDigistore24\b", "Digistore24", None), (r"\bUnzer\b", "Unzer", None),
    (r"\bHetzner\b", "Hetzner Online", None), (r"\bIONOS\b|1&1", "IONOS", None),
    (r"\bSTRATO\b", "STRATO", None), (r"\bnetcup\b", "netcup", None), (r"\bContabo\b", "Contabo", None),
    (r"\bAll-Inkl", "ALL-INKL.COM", None), (r"\bHost Europe\b", "Host Europe", None),
    (r"\bMittwald\b", "Mittwald", None), (r"\bOVH(?:cloud)?\b", "OVHcloud", None),
    (r"\bScaleway\b", "Scaleway", None), (r"\bStackit\b", "STACKIT", None),
    (r"\bTelekom\b|T-Systems|Open Telekom Cloud", "Deutsche Telekom", None),
    (r"\bCloudflare\b", "Cloudflare", None), (r"\bAkamai\b|\bLinode\b", "Akamai", None),
    (r"\bFastly\b", "Fastly", None), (r"\bbunny\.net\b|\bBunnyCDN\b", "bunny.net", None),
    (r"\bVercel\b", "Vercel", None), (r"\bNetlify\b", "Netlify", None), (r"\bHeroku\b", "Heroku", None),
    (r"\bDigitalOcean\b|Digital Ocean", "DigitalOcean", None), (r"(?-i:\bRender\b)" + _CO, "Render", None),
    (r"\bFly\.io\b", "Fly.io", None), (r"(?-i:\bRailway\b)" + _CO, "Railway", None),
    (r"\bSupabase\b", "Supabase", None), (r"MongoDB(?: Atlas)?", "MongoDB", None),
    (r"\bAtlassian\b|\bJira\b|\bConfluence\b", "Atlassian", None), (_GITHUB, "GitHub", None),
    (r"\bMailchimp\b|\bMandrill\b", "Mailchimp", None), (r"\bBrevo\b|Sendinblue", "Brevo", None),
    (r"\b(?:Twilio )?SendGrid\b", "SendGrid", None), (r"\bTwilio\b(?! SendGrid)", "Twilio", None),
    (r"(?-i:\bPostmark\b)", "Postmark", None), (r"\bMailgun\b", "Mailgun", None),
    (r"\bMailjet\b", "Mailjet", None), (r"\bSparkPost\b", "SparkPost", None),
    (r"(?-i:\bResend\b)" + _CO, "Resend", None), (r"\bCleverReach\b", "CleverReach", None),
    (r"\brapidmail\b", "rapidmail", None), (r"\bKlaviyo\b", "Klaviyo", None),
    (r"\bActiveCampaign\b", "ActiveCampaign", None), (r"\bConvertKit\b|\bKit\.com\b", "ConvertKit", None),
    (r"\bHubSpot\b", "HubSpot", None), (r"\bSalesforce\b", "Salesforce", None),
    (r"\bPipedrive\b", "Pipedrive", None), (r"\bZoho\b", "Zoho", None),
    (r"\bZendesk\b", "Zendesk", None), (r"(?-i:\bIntercom\b)", "Intercom", None),
    (r"\bFreshdesk\b|\bFreshworks\b", "Freshworks", None), (r"(?-i:\bCrisp\b)" + _CO, "Crisp", None),
    (r"\bUserlike\b", "Userlike", None), (r"\btawk\.to\b", "tawk.to", None),
    (r"\bHelp Scout\b", "Help Scout", None), (r"\bFront App\b", "Front", None),
    (r"\bCalendly\b", "Calendly", None), (r"\bTypeform\b", "Typeform", None),
    (r"\bDocuSign\b", "DocuSign", None), (r"(?-i:\bSlack\b)(?! channel)", "Slack", None),
    (r"(?-i:\bSentry\b)", "Sentry", None), (r"\bDatadog\b", "Datadog", None),
    (r"\bNew Relic\b", "New Relic", None), (r"\bBugsnag\b", "Bugsnag", None),
    (r"\bRollbar\b", "Rollbar", None), (r"\bGrafana Cloud\b|\bGrafana Labs\b", "Grafana Labs", None),
    (r"\bElastic Cloud\b", "Elastic", None), (r"\bAuth0\b|\bOkta\b", "Okta", None),
    (r"(?-i:\bClerk\b)" + _CO, "Clerk", None), (r"\bUsercentrics\b", "Usercentrics", None),
    (r"\bCookiebot\b", "Cookiebot", None), (r"\bOneTrust\b", "OneTrust", None),
    (r"\bFacebook\b|\bMeta Platforms\b", "Meta", None), (r"\bLinkedIn\b", "LinkedIn", None),
    # app analytics, engagement and spam-check services ("Flurry Analytics", "Braze", "Akismet")
    (r"\bFlurry\b", "Flurry", None), (r"(?-i:\bBraze\b)", "Braze", None),
    (r"\bAkismet\b", "Akismet", None), (r"\bSnapchat\b|\bSnap Inc\b", "Snapchat", None),
    (r"\bSoundCloud\b", "SoundCloud", None),
    # advertising identity and audience platforms ("we share hashed emails with LiveRamp")
    (r"\bmParticle\b", "mParticle", None), (r"\bPermutive\b", "Permutive", None),
    (r"\bSkimlinks\b", "Skimlinks", None), (r"\bLiveRamp\b", "LiveRamp", None),
    (r"\bLotame\b", "Lotame", None), (r"\bThe Trade Desk\b", "The Trade Desk", None),
    (r"\bFullContact\b", "FullContact", None), (r"\bEkata\b", "Ekata", None),
    # payment and bank-data providers ("payments are processed by Authorize.net", "Yodlee")
    (r"\bAuthorize\.net\b", "Authorize.net", None), (r"\b2Checkout\b", "2Checkout", None),
    (r"\bBlueSnap\b", "BlueSnap", None), (r"\bMoneybookers\b|\bSkrill\b", "Skrill", None),
    (r"\bFinicity\b", "Finicity", None), (r"\bYodlee\b", "Yodlee", None),
    # forms, live chat and podcast hosting
    (r"\bFormstack\b", "Formstack", None), (r"\bZopim\b", "Zopim", None),
    (r"\bAcast\b", "Acast", None),
    (r"\bZoom Video\b|\bZoom\b(?= (?:Communications|Inc|meetings?))", "Zoom", None),
    (r"\bBackblaze\b", "Backblaze", None), (r"\bWasabi\b", "Wasabi", None),
    (r"\bCloudinary\b", "Cloudinary", None), (r"\bAlgolia\b", "Algolia", None),
    (r"\bPusher\b", "Pusher", None), (r"\bVonage\b|\bNexmo\b", "Vonage", None),
    (r"\bMessageBird\b|\bBird\.com\b", "MessageBird", None),
    (r"\blexoffice\b|\bLexware\b", "Lexware", None), (r"\bsevDesk\b", "sevDesk", None),
    (r"\bDATEV\b", "DATEV", None), (r"\bsipgate\b", "sipgate", None),
    (r"\bTogether AI\b", "Together AI", None), (r"\bReplicate\b(?= Inc)", "Replicate", None),
    (r"\bHugging ?Face\b", "Hugging Face", None), (r"\bPerplexity AI\b", "Perplexity", None),
    (r"\bElevenLabs\b", "ElevenLabs", None), (r"\bAssemblyAI\b", "AssemblyAI", None),
    (r"\bDeepgram\b", "Deepgram", None), (r"\bPinecone\b", "Pinecone", None),
    (r"\bAuth0\b", "Auth0", None), (r"\bStytch\b", "Stytch", None), (r"\bWorkOS\b", "WorkOS", None),
    (r"\bBetter Stack\b|\bLogtail\b", "Better Stack", None), (r"\bPapertrail\b", "Papertrail", None),
    (r"\bCustomer\.io\b", "Customer.io", None), (r"\bRevenueCat\b", "RevenueCat", None),
    (r"\bNinjaOne\b", "NinjaOne", None), (r"\bCal\.com\b", "Cal.com", None),
    (r"\bPlanetScale\b", "PlanetScale", None), (r"\bUpstash\b", "Upstash", None),
    (r"(?-i:\bNeon\b)" + _CO + r"|\bNeon Inc\b|\bneon\.tech\b", "Neon", None),
    (r"\bApple Inc\b|\biCloud\b|\bCloudKit\b|\bApp Store\b"
     # the company itself, capitalised, not a device, an account or an app of it ("Käufe werden
     # von Apple abgewickelt", not "Apple-Geräte", "Apple Health", "Sign in with Apple")
     r"|(?-i:\bApple\b)(?![- ](?:[Gg]erät|[Dd]evice|ID\b|Health|Watch|Pay\b|Karten|Maps|Kalender"
     r"|Calendar|Music|TV|Push|Sign|Konto|[Aa]ccount|Fitness|Kit|Mail|Notes|Photos|App\b))", "Apple", None),
    (r"\bAdMob\b", "Google AdMob", None), (r"\bStrava\b", "Strava", None),
    (r"\bExoscale\b", "Exoscale", None), (r"\bOpen Telekom Cloud\b", "Open Telekom Cloud", None),
    (r"\bOpenStreetMap\b|\bOSM Foundation\b|\bNominatim\b", "OpenStreetMap Foundation", None),
    (r"\bMapbox\b", "Mapbox", None), (r"\bMapTiler\b", "MapTiler", None),
    (r"(?-i:\bTelegram\b)(?! (?:channel|group|Kanal|Gruppe))", "Telegram", None),
    (r"\bOneSignal\b", "OneSignal", None), (r"\bAppwrite\b", "Appwrite", None),
    (r"\bTurso\b", "Turso", None), (r"\bAptabase\b", "Aptabase", None),
    (r"\bPirsch\b", "Pirsch Analytics", None), (r"(?-i:\bUmami\b)" + _CO, "Umami", None),
    (r"\bSimple Analytics\b", "Simple Analytics", None), (r"(?-i:\bAxiom\b)" + _CO, "Axiom", None),
    (r"\bZapier\b", "Zapier", None), (r"\bMake\.com\b", "Make", None),
    (r"\bAirtable\b", "Airtable", None), (r"\bDropbox\b", "Dropbox", None),
    (r"(?-i:\bExpo\b)" + _CO + r"|\bExpo Application Services\b", "Expo", None),
    (r"(?-i:\bGemini\b)(?= API)|\bGemini API\b", "Google", None),
    (r"\bGoogle Play\b", "Google Play", None), (r"\bMailerLite\b", "MailerLite", None),
    (r"\bhCaptcha\b", "hCaptcha", None),
    (r"(?-i:\bPlaid\b)", "Plaid", None), (r"\bOpenRouter\b", "OpenRouter", None),
    (r"(?-i:\bDeepSeek\b)", "DeepSeek", None), (r"\bTelemetryDeck\b", "TelemetryDeck", None),
    (r"\bOpen ?Food ?Facts\b", "Open Food Facts", None), (r"\bOpenWeather(?:Map)?\b", "OpenWeather", None),
    (r"\bOpen-Meteo\b", "Open-Meteo", None), (r"\bwhat3words\b", "what3words", None),
    (r"\bkomoot\b", "komoot", None), (r"\bTally\.so\b|(?-i:\bTally\b)(?= [Ff]orms?\b| \()", "Tally", None),
    (r"\bFormSubmit(?:\.co)?\b", "FormSubmit", None), (r"\bWeb3Forms\b", "Web3Forms", None),
    (r"\bPolar\.sh\b", "Polar", None), (r"\bDodo Payments\b", "Dodo Payments", None),
    (r"\bLoops\.so\b", "Loops", None), (r"\bVultr\b", "Vultr", None),
    (r"\bUberspace\b", "Uberspace", None), (r"\bWayForPay\b", "WayForPay", None),
    (r"\bUltravox\b", "Ultravox", None),
    (r"\bFormspree\b", "Formspree", None), (r"\bHostinger\b", "Hostinger", None),
    (r"\bDENIC\b", "DENIC", None), (r"\bRoyal Mail\b", "Royal Mail", None),
    (r"\bQualtrics\b", "Qualtrics", None), (r"\bGumroad\b", "Gumroad", None),
    (r"\bHave I Been Pwned\b|\bHIBP\b", "Have I Been Pwned", None),
    (r"(?-i:\bConvex\b)" + _CO + r"|\bconvex\.dev\b", "Convex", None),
    (r"\bNotion Labs\b|(?-i:\bNotion\b)" + _CO, "Notion", None),
    (r"(?-i:\bTwitch\b)(?! (?:stream|channel|Kanal|chat|emotes?))", "Twitch", None),
    (r"\bPorkbun\b", "Porkbun", None), (r"\biyzico\b", "iyzico", None),
    (r"\bRaindrop\.io\b", "Raindrop.io", None), (r"\bLichess\b", "Lichess", None),
    (r"\bNylas\b", "Nylas", None), (r"\bZhipu(?: AI)?\b|\bZ\.ai\b", "Zhipu AI", None),
    # the ad networks of mobile apps' mediation lists
    (r"\bAudience Network\b", "Meta Audience Network", None),
    (r"\bUnity (?:Ads|Technologies|Analytics)\b", "Unity Ads", None),
    (r"\bVungle\b|\bLiftoff(?: Monetize)?\b", "Liftoff (Vungle)", None), (r"\bPangle\b", "Pangle", None),
    (r"\bAppLovin\b", "AppLovin", None), (r"\bironSource\b", "ironSource", None),
    (r"\bChartboost\b", "Chartboost", None), (r"\bInMobi\b", "InMobi", None),
    (r"\bMintegral\b", "Mintegral", None), (r"\bAdColony\b", "AdColony", None),
    (r"\bMoPub\b", "MoPub", None), (r"\bTapjoy\b", "Tapjoy", None),
    # mobile attribution and product analytics
    (r"\bAppsFlyer\b", "AppsFlyer", None), (r"\bKochava\b", "Kochava", None),
    (r"\bTenjin\b", "Tenjin", None), (r"(?-i:\bAdjust\b)(?= GmbH| \(|,)|\badjust\.com\b", "Adjust", None),
    (r"\bBranch Metrics\b|\bBranch\.io\b", "Branch", None), (r"\bFullStory\b", "FullStory", None),
    (r"(?-i:\bPendo\b)" + _CO + r"|\bPendo\.io\b", "Pendo", None),
    # AI, vector search, speech and telephony
    # (not a product named after it: "xAI Workspace")
    (r"(?-i:\bxAI\b(?![\s-]+(?!Grok|API|Corp|LLC|Inc|Holdings)[A-Z]))|\bx\.AI\b", "xAI", None), (r"\bQdrant\b", "Qdrant", None),
    (r"\bWeaviate\b", "Weaviate", None), (r"\bRecall\.ai\b", "Recall.ai", None),
    (r"\bPlivo\b", "Plivo", None), (r"\bTelnyx\b", "Telnyx", None),
    # operations, code quality and support
    (r"\bPagerDuty\b", "PagerDuty", None), (r"\bOpsgenie\b", "Opsgenie", None),
    (r"(?-i:\bSnyk\b)", "Snyk", None), (r"\bSonarCloud\b", "SonarCloud", None),
    (r"\bHoneybadger\b", "Honeybadger", None), (r"\bUploadcare\b", "Uploadcare", None),
    (r"(?-i:\bLiveChat\b)", "LiveChat", None), (r"(?-i:\bAbly\b)" + _CO, "Ably", None),
    # payment, hosting, media and data services
    (r"\bGoogle Pay\b", "Google Pay", None), (r"\bVenmo\b", "Venmo", None),
    (r"\bRecurly\b", "Recurly", None), (r"\bPayrexx\b", "Payrexx", None),
    (r"\bPingen\b", "Pingen", None), (r"\bSpryng\b", "Spryng", None),
    (r"\bSocketLabs\b", "SocketLabs", None), (r"\bSiteGround\b", "SiteGround", None),
    (r"\bWix\.com\b|(?-i:\bWix\b)" + _CO, "Wix", None), (r"\bWistia\b", "Wistia", None),
    (r"\bVapi(?:\.ai)?\b", "Vapi", None), (r"\bNebius\b", "Nebius", None),
    (r"\bVolcano Engine\b|\bVolcengine\b", "Volcano Engine", None),
    (r"\bThe Movie Database\b|(?-i:\bTMDB\b)", "The Movie Database (TMDB)", None),
    (r"\bWeatherAPI(?:\.com)?\b", "WeatherAPI.com", None), (r"\bSemrush\b", "Semrush", None),
    (r"(?-i:\bTrello\b)", "Trello", None), (r"(?-i:\bReplit\b)", "Replit", None),
    # commerce, CDNs, maps, avatars, sharing widgets, comments, reviews and surveys
    (r"\bShopify\b", "Shopify", None), (r"\bjsDelivr\b", "jsDelivr", None),
    (r"(?-i:\bCARTO\b)", "CARTO", None), (r"\bGravatar\b", "Gravatar", None),
    (r"\bShareThis\b", "ShareThis", None), (r"\bAddThis\b", "AddThis", None),
    (r"\bDisqus\b", "Disqus", None), (r"\bTrustpilot\b", "Trustpilot", None),
    (r"\bSurveyMonkey\b", "SurveyMonkey", None), (r"\bGoCardless\b", "GoCardless", None),
    (r"\bWorldpay\b", "Worldpay", None), (r"\bLiveKit\b", "LiveKit", None),
    (r"\bGoatCounter\b", "GoatCounter", None), (r"\bAlibaba Cloud\b|\bAliyun\b", "Alibaba Cloud", None),
    # advertising, marketing and app analytics SDKs
    (r"\b(?:Google )?AdSense\b", "Google AdSense", None), (r"\b(?:Google )?DoubleClick\b", "DoubleClick", None),
    (r"\bAdRoll\b", "AdRoll", None), (r"\bCriteo\b", "Criteo", None),
    (r"\bTaboola\b", "Taboola", None), (r"\bOutbrain\b", "Outbrain", None),
    (r"\bAppNexus\b|\bXandr\b", "AppNexus", None), (r"\bMobFox\b", "MobFox", None),
    (r"\bmyTarget\b", "myTarget", None), (r"\bLeanplum\b", "Leanplum", None),
    (r"\b(?:Yandex )?AppMetrica\b", "Yandex AppMetrica", None), (r"\bYandex[. ]Metri[ck]a\b", "Yandex Metrica", None),
    (r"\bCxense\b", "Cxense", None), (r"\bInfura\b", "Infura", None),
    (r"\bHockeyApp\b", "HockeyApp", None), (r"\bAppsee\b", "Appsee", None),
    (r"\bSmartlook\b", "Smartlook", None), (r"\bOptimizely\b", "Optimizely", None),
    (r"(?-i:\bAwin\b)", "Awin", None), (r"\bAppodeal\b", "Appodeal", None),
    (r"\bAdikteev\b", "Adikteev", None), (r"\bsociomantic\b", "sociomantic", None),
    (r"\betracker\b", "etracker", None), (r"\bClearbit\b", "Clearbit", None),
    # identity checks, payments and fraud screening
    (r"\bSum[Ss]ub\b", "Sumsub", None), (r"\bExperian\b", "Experian", None),
    (r"\bVerimi\b", "Verimi", None), (r"(?-i:\bTink\b)", "Tink", None),
    (r"\bpaydirekt\b", "paydirekt", None), (r"\bPerimeterX\b", "PerimeterX", None),
    # site builders, open data services, e-mail marketing, consent tools and AI platforms
    (r"(?-i:\bWebflow\b)", "Webflow", None), (r"\bOverpass(?: API| service)?\b", "Overpass API", None),
    (r"\bMusicBrainz\b", "MusicBrainz", None), (r"\bKlick-?Tipp\b", "Klick-Tipp", None),
    (r"\bconsentmanager\b", "consentmanager", None), (r"\bthirdweb\b", "thirdweb", None),
    (r"\bfal\.ai\b", "fal.ai", None), (r"\bFamulor\b", "Famulor", None),
    (r"\bFireworks AI\b", "Fireworks AI", None),
    # the company named alone, after every product of it above (a product's pattern takes its
    # span first): not an account, a device or a search of it
    (r"(?-i:\bGoogle\b)(?![- ](?:[A-Z]|[Kk]onto|[Aa]ccount|[Gg]erät|[Dd]evice|ID\b|[Ss]uche"
     r"|[Ss]earch|[Ss]ign|[Ll]ogin|[Aa]nmeldung|[Dd]ienste|[Ss]ervices|[Pp]roducts|[Pp]rodukte))"
     r"(?!['’]s? (?:[Pp]rivacy|[Dd]atenschutz))", "Google", None),
)  # fmt: skip

PROVIDERS: tuple[tuple[re.Pattern[str], str, str | None], ...] = tuple(
    (re.compile(rx, re.IGNORECASE), name, home) for rx, name, home in _PROVIDER_TABLE
)
# Literal words of each pattern (its company cue and common words left out): a match contains
# one of them, so a sentence whose words include none is not searched with that pattern.
_COMMON = frozenset(
    "die der mit von ist use uses using can kann with inc all the web services ltd limited"
    " operations corp oration teams office bot word forms konto account entra graph exchange"
    " outlook anbieter provider nutzen nutzt durch erhebt collects verarbeitet processes privacy"
    " datenschutz dienste ervices roducts produkte pplications anwendungen dentity directory"
    " active insights application cloud platform analytics labs software technologies payments"
    " market europe portal marketplace tenant client subscription helper devops issued verified"
    " api app store appsource user data for analysis own oauth authentication delegated".split()
)
PROVIDER_KEYS: tuple[frozenset[str], ...] = tuple(
    frozenset(
        w.casefold()
        for w in re.findall(
            r"[A-Za-z][A-Za-z0-9]{2,}|\d&\d", re.sub(r"\\[A-Za-z]", " ", rx.replace(_CO, ""))
        )
    )
    - _COMMON
    for rx, _, _ in _PROVIDER_TABLE
)
ALL_KEYS: frozenset[str] = frozenset().union(*PROVIDER_KEYS)


def words_of(text: str) -> frozenset[str]:
    """Lower-case words (and "1&1") of ``text``, for the provider keys."""
    return frozenset(re.findall(r"[a-z][a-z0-9]+|\d&\d", text.casefold()))


# Postal addresses: "80331 München" next to a street or legal form, "Austin, TX 78701" (or
# "Sarasota FL, 34237"),
# "Manchester M1 2AB", "A-1010 Wien", "CH-8001 Zürich", "L-2449 Luxembourg".
US_STATES = (
    "AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ"
    " NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY"
).split()
# the states written out: an address's "Palo Alto, California 94306", an entity's "a Delaware
# corporation"
US_STATE_NAMES = (
    "Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia"
    "|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts"
    "|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey"
    "|New Mexico|New York|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania"
    "|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington"
    "|West Virginia|Wisconsin|Wyoming"
)
# an American town with its state and ZIP: "Austin, TX 78701", "Sarasota FL, 34237", the
# state written out: "Palo Alto, California 94306-2242"
US_TOWN = re.compile(
    r"[A-Z][a-z]+(?: [A-Z][a-z]+)?(?:, ?| )(?:(?:" + "|".join(US_STATES) + r")\.?"
    r"|(?:" + US_STATE_NAMES + r")),? \d{5}(?:-\d{4})?\b"
)
# "Redfern NSW 2016" (an Australian town, state and four-digit postcode); "M6P 3T1" (a Canadian
# postcode: letter, digit, letter, space, digit, letter, digit)
AU_TOWN = re.compile(r"\b[A-Z][a-z]+(?: [A-Z][a-z]+)?,? (?:NSW|VIC|QLD|TAS|ACT|WA|SA|NT),? \d{4}\b")
CA_POSTCODE = re.compile(r"\b[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z] \d[ABCEGHJ-NPRSTV-Z]\d\b")
_ADDRESS = (
    ("US", US_TOWN), ("AU", AU_TOWN), ("CA", CA_POSTCODE),
    ("GB", re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}\b")),
    ("AT", re.compile(r"\bA-\d{4} [A-ZÄÖÜ]")), ("CH", re.compile(r"\bCH-\d{4} [A-ZÄÖÜ]")),
    ("LU", re.compile(r"\bL-\d{4} [A-Z]")), ("DE", re.compile(r"\bD-\d{5} [A-ZÄÖÜ]")),
)  # fmt: skip
# "1096 AM Amsterdam" beside a Dutch legal form or street word
_NL_POSTCODE = re.compile(r"\b[1-9]\d{3} ?[A-Z]{2},? [A-Z][a-z]+")  # ("1016BR, Amsterdam")
_NL_CONTEXT = re.compile(r"\bB\.?V\.?(?!\w)|\bN\.V\.|weg\b|straat\b|laan\b|gracht\b|plein\b|kade\b")
_DE_POSTCODE = re.compile(r"\b\d{5}\s+[A-ZÄÖÜ][a-zäöüß]+")
_DE_CONTEXT = re.compile(
    r"GmbH|\bAG\b|\bSE\b|\bKG\b|\bUG\b|e\.\s?V\.|GbR|[Ss]traße|[Ss]trasse|Str\.|str\.|weg\b|allee\b"
    r"|platz\b|ring\b|damm\b|gasse\b"
)

# "120 00 Praha 2" / "811 01 Bratislava" beside "s.r.o.", "a.s." or a street word
_CZ_SK_POSTCODE = re.compile(r"\b([0-9])\d{2} \d{2} [A-ZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ][a-záčďéěíňóřšťúůýž]+")
_CZ_SK_CONTEXT = re.compile(
    r"s\.\s?r\.\s?o\.|\ba\.\s?s\.|spol\.|\bulica\b|ulice\b|nám\.|náměstí|třída"
)
# "00-950 Warszawa" beside "Sp. z o.o." or "ul."
_PL_POSTCODE = re.compile(r"\b\d{2}-\d{3} [A-ZĄĆĘŁŃÓŚŹŻ][a-ząćęłńóśźż]+")
_PL_CONTEXT = re.compile(r"\bSp\.\s?z\s?o\.\s?o\.|\bS\.A\.|\bul\.\s")


def names_provider(text: str) -> bool:
    """Whether ``text`` names a known hosting or service provider (its keys first: cheap)."""
    return bool(words_of(text) & ALL_KEYS) and any(rx.search(text) for rx, _, _ in PROVIDERS)


def opens_with_provider(text: str) -> bool:
    """Whether ``text`` begins with a known provider's name ("Supabase Inc. — Datenbank")."""
    return bool(words_of(text) & ALL_KEYS) and any(rx.match(text) for rx, _, _ in PROVIDERS)


def address_country(text: str) -> str | None:
    """The country a postal address in ``text`` is in, from its postcode shape (None if none)."""
    for code, rx in _ADDRESS:
        if rx.search(text):
            return code
    if _DE_POSTCODE.search(text) and _DE_CONTEXT.search(text):
        return "DE"
    if _NL_POSTCODE.search(text) and _NL_CONTEXT.search(text):
        return "NL"
    if (cz := _CZ_SK_POSTCODE.search(text)) and _CZ_SK_CONTEXT.search(text):
        return "SK" if cz.group(1) in "089" else "CZ"  # Slovak codes open with 0, 8 or 9
    if _PL_POSTCODE.search(text) and _PL_CONTEXT.search(text):
        return "PL"
    return None
