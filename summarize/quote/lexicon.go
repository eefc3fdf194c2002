package quote

import "strings"

// The word lists below are written for this package from general knowledge
// of English news prose. They are read-only.

func set(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// speechVerbs are finite verbs that attribute speech or writing, lowercase.
var speechVerbs = set(`
said says say told tells tell added adds wrote writes asked asks explained explains
noted notes recalled recalls continued continues argued argues insisted insists
stated states declared declares claimed claims warned warns replied replies
responded responds answered answers acknowledged acknowledges admitted admits
announced announces tweeted tweets posted posts observed observes remarked remarks
suggested suggests predicted predicts conceded concedes complained complains
cautioned cautions stressed stresses emphasized emphasizes emphasised urged urges
joked jokes quipped quips boasted boasts vowed vows promised promises recounted recounts
reported reports testified testifies contended contends maintained maintains
countered counters exclaimed exclaims shouted shouts yelled yells cried cries
whispered whispers chanted chants sang sings mused muses concluded concludes
reiterated reiterates affirmed affirms speculated speculates lamented laments
agreed agrees assured assures informed informs pleaded pleads begged begs
demanded demands charged charges alleged alleges confirmed confirms denied denies
explained recalled wondered wonders mentioned mentions commented comments
opined opines griped gripes scoffed scoffs sniped snipes snapped snaps retorted retorts
proclaimed proclaims predicted insists texted emailed messaged blogged
advised advises acknowledged summed sums testified interjected interjects
implored implores revealed reveals recollected recollects exhorted exhorts
`)

// readVerbs attribute the words of a text (a statement, a letter, a
// sign) when they follow its quote: "“…,” it read", "read one comment".
// Before a quote they are no attribution ("Cannot read property 'foo'").
var readVerbs = set(`read reads`)

// ingVerbs are participles that attribute speech after a clause
// ("…, saying the deal was dead").
var ingVerbs = set(`saying adding arguing asking noting telling writing explaining
declaring warning insisting stating claiming recalling tweeting posting suggesting
calling describing urging complaining continuing answering replying responding
concluding joking quipping chanting singing shouting yelling screaming`)

// objectVerbs take the addressee as their object: "asked the crowd",
// "told reporters". The phrase after them is never the speaker.
var objectVerbs = set(`asked asks told tells tell urged urges warned warns informed informs
assured assures advised advises reminded reminds begged begs exhorted exhorts implored implores`)

// quoteVerbs introduce a quoted fragment but not reported speech
// ("called the plan “a disaster”").
var quoteVerbs = set(`called calls calling described describes describing dubbed dubs
labeled labelled labels branded brands likened likens termed terms deemed deems
blasted blasts slammed slams praised praises condemned condemns criticized criticised
criticizes hailed hails derided derides mocked mocks touted touts chanting chanted
decried decries denounced denounces rated rates attacked attacks characterized
characterizes characterised`)

// reportVerbs attribute reported speech without quotation marks; a smaller,
// safer set than speechVerbs.
var reportVerbs = set(`said says say told tell tells added adds wrote writes argued argues
insisted insists stated states declared declares claimed claims warned warns
acknowledged acknowledges admitted admits announced announces noted notes
explained explains predicted predicts conceded concedes suggested suggests
recalled recalls reported reports contended contends maintained maintains
complained complains cautioned cautions stressed stresses confirmed confirms
denied denies alleged alleges testified testifies believes believed thinks thought
tweeted tweets reiterated reiterates estimated estimates found finds showed shows
concluded concludes revealed reveals asserted asserts indicated indicates
emphasized emphasizes countered counters agreed agrees charged charges promised promises
vowed vows assured assures`)

// auxiliaries and adverbs that may stand between a speaker and the verb,
// or between the verb and its complement.
var verbAdverbs = set(`also later then previously once again further often recently
repeatedly publicly privately quickly simply only even still frequently reportedly
has had have would will could might may can did does do is was were are been
has had just flatly famously angrily bluntly tersely softly quietly calmly
ultimately finally initially first earlier subsequently immediately separately
similarly likewise herself himself themselves itself emphatically candidly succinctly
sarcastically jokingly wryly forcefully confidently allegedly apparently`)

// timeWords may follow a speech verb ("said Tuesday").
var timeWords = set(`monday tuesday wednesday thursday friday saturday sunday today
yesterday tonight recently earlier later last this week month year morning afternoon
evening night weekend on in at during after before`)

var pronounsMale = set("he")
var pronounsFemale = set("she")

// pronouns that can stand as a speaker.
var speakerPronouns = set("he she they i we it you")

// determiners that open a descriptive speaker ("a campaign spokesman").
var determiners = set(`a an the one another some two three four five several many
most other both his her their its this that these those our my your each every
any no few`)

// honorifics kept in a name ("Mr. Obama").
var honorifics = map[string]int{
	"mr": genderMale, "mrs": genderFemale, "ms": genderFemale, "miss": genderFemale,
	"dr": genderUnknown, "prof": genderUnknown, "sir": genderMale, "dame": genderFemale,
	"lady": genderFemale, "lord": genderMale, "madam": genderFemale, "mme": genderFemale,
	"mister": genderMale, "rev": genderUnknown, "fr": genderMale, "sister": genderFemale,
	"brother": genderMale, "father": genderMale, "king": genderMale, "queen": genderFemale,
	"prince": genderMale, "princess": genderFemale, "pope": genderMale,
	"congressman": genderMale, "congresswoman": genderFemale, "chairman": genderUnknown,
	"chairwoman": genderFemale, "spokesman": genderMale, "spokeswoman": genderFemale,
	"businessman": genderMale, "businesswoman": genderFemale, "councilman": genderMale,
	"councilwoman": genderFemale, "grandmother": genderFemale, "grandfather": genderMale,
	"mother": genderFemale, "wife": genderFemale, "husband": genderMale, "son": genderMale,
	"daughter": genderFemale, "actress": genderFemale, "actor": genderMale,
	// French, German, Spanish, Portuguese: "Frau Neubauer" is Luisa Neubauer
	"frau": genderFemale, "herr": genderMale, "señor": genderMale, "señora": genderFemale,
	"sra": genderFemale, "doña": genderFemale, "monsieur": genderMale, "madame": genderFemale,
	"mademoiselle": genderFemale, "mlle": genderFemale, "senhor": genderMale, "senhora": genderFemale,
}

// titleWords name a position; before a name they form its role
// ("Secretary of State John Kerry", "press secretary Josh Earnest").
var titleWords = set(`president vice secretary senator sen rep representative governor gov
mayor director chairman chairwoman chair spokesman spokeswoman spokesperson minister
ambassador judge justice gen general adviser advisor chief leader professor prof
candidate nominee officer commissioner attorney lawyer analyst economist strategist
pollster manager ceo founder editor correspondent reporter host anchor coach sheriff
chancellor captain capt lt col sgt deputy assistant executive lawmaker congressman
congresswoman councilman councilwoman treasurer fellow researcher scientist expert
historian author activist member official aide staffer organizer operative consultant
partner head whip speaker premier lieutenant colonel sergeant admiral adm commander
cmdr inspector superintendent prosecutor counsel chairperson president-elect
secretary-general governor-elect candidate chief-of-staff dean provost principal
pastor bishop cardinal rabbi imam columnist commentator blogger writer novelist
producer president-elect owner investor banker broker trader physician doctor nurse
surgeon psychologist psychiatrist sociologist political scientist campaign
editor-in-chief coordinator hopeful
engineer developer designer architect agent envoy lecturer programmer planner
therapist pharmacist dentist accountant curator librarian firefighter paramedic
journalist photographer filmmaker entrepreneur
councillor councilor councilmember alderman alderwoman assemblyman assemblywoman
actor actress singer songwriter singer-songwriter musician rapper comedian composer dancer
selectman selectwoman magistrate coroner constable comptroller auditor ombudsman
spokesperson press communications policy national deputy former acting interim
senior junior top
ministro ministra presidente presidenta diputado diputada senador senadora alcalde
alcaldesa gobernador gobernadora directora portavoz vocero vocera secretario
secretaria mandatario mandataria jefe jefa canciller concejal concejala
ministre député députée maire porte-parole directeur directrice présidente
sénateur sénatrice préfet
ministerin präsidentin bürgermeister bürgermeisterin sprecherin abgeordnete`)

// capitalized words that start sentences or name things but are not names.
var notNames = set(`The A An But And Or So Yet In On At For From By With Without Of To
As If When While Although Though Because Since After Before During Until Unless
This That These Those There Here It Its He She They We I You His Her Their Our My
Your Who What Where Why How Which Whose Whom Some Many Most Few Several All Any Each
Every No Not None Both Either Neither Such Other Another One Two Three Four Five
Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April
May June July August September October November December Jan Feb Mar Apr Jun Jul Aug
Sep Sept Oct Nov Dec Still Even Just Also Then Now Today Yesterday Tomorrow Last Next
Meanwhile However Moreover Instead Indeed Still Yes Well Oh Thanks Please Read Back
According Asked Says Said Over Under About Into Through Against Among Between
Despite Like Unlike Within Along Across Behind Beyond Toward Towards Upon Once
Later Earlier Again Perhaps Maybe Mostly Only Nor Whether Whatever Whoever
Pour Selon Dans Mais Avec Sans Ainsi Alors Depuis Après Avant Laut Nach Bei Mit Für
Según Para Segundo Sobre Desde Entre Following Amid Asked Speaking Responding Citing
Famously Notably Importantly Finally Additionally Ultimately Unfortunately Fortunately
Similarly Separately Interestingly Surprisingly Initially Originally Previously Recently
Currently Eventually Clearly Obviously Apparently Reportedly Allegedly Frankly Honestly
Personally Typically Generally Traditionally Historically Ironically Sadly Happily Luckily
Incidentally Consequently Accordingly Subsequently Certainly Presumably Hopefully Ideally`)

// organisations and places are not people but can be speakers; these
// words mark a capitalized run as an organisation.
var orgWords = set(`House Senate Congress Department Ministry Office Committee Council
Commission Agency Bureau Service Court Party Campaign Administration Government
University Institute Center Centre Foundation Association Union Times Post Journal
News Press Network Company Corp Corporation Inc Group Bank Fund Board Authority
Organization Organisation Police Army Navy Force Forces Reuters Bloomberg Associated
CNN Fox NBC ABC CBS MSNBC NPR BBC Gallup Pew Poll Survey Caucus Coalition Club
Society League Alliance Project Trust Partners Council Republicans Democrats GOP
Times Tribune Herald Magazine Media Network Station Radio Television
Protection Customs Records Productions Studios Entertainment Laboratories Holdings
Airlines Airways Motors Industries Ministries Agencies Departments`)

const (
	genderUnknown = iota
	genderMale
	genderFemale
)

// maleNames and femaleNames are common given names, lowercase.
var maleNames = set(`aaron adam adrian al alan albert alex alexander alfred andrew andy
anthony antonio arthur austin barack barry ben benjamin bernard bernie bill billy bob
bobby brad bradley brandon brent brian bruce bryan carl carlos chad charles charlie
chris christian christopher chuck clarence clark cody colin craig dale dan daniel
danny darrell dave david dean dennis derek dick don donald doug douglas duncan dwight
earl ed eddie edward edwin elijah elliott eric ernest eugene evan frank franklin fred
frederick gary gavin gene george gerald gordon graham greg gregory harold harry harvey
hector henry herbert howard hugh ian isaac jack jacob jake james jamie jared jason jay
jeb jeff jeffrey jeremy jerome jerry jesse jim jimmy joe joel john johnny jon jonathan
jordan jorge jose joseph josh joshua juan julian justin keith ken kenneth kevin kyle
lance larry lawrence lee leon leonard lewis lindsey lloyd louis luis luke marco marcus
mario mark martin marvin matt matthew maurice max michael miguel mike mitch mitt
mohammed muhammad nathan neil nicholas nick noah norman oliver omar oscar patrick paul
pedro pete peter phil philip rafael ralph ray raymond reince reggie richard rick
ricky rob robert roberto rod rodney roger ron ronald rory ross roy rudy russell ryan
sam samuel scott sean sergio seth shawn sherrod stanley stephen steve steven stuart
ted terry thomas tim timothy todd tom tommy tony travis trey troy tyler vernon victor
vincent vladimir wallace walter warren wayne wesley william willie xi yuri zach
zachary newt mitch lamar orrin marco rand chuck harry rahm rudolph rudolf reid jeh
ashton benjamin boris emmanuel francois angelo giuseppe hans helmut jean-claude juergen
kurt lars luca pierre rajiv sanjay shinzo narendra recep hassan ali hamid abdul ahmed
kim jong-un moon igor sergei dmitry alexei mikhail ivan
jacques michel philippe alain nicolas sébastien françois laurent olivier thierry
éric christophe stéphane julien antoine mathieu guillaume benoît emmanuel
klaus jürgen wolfgang stefan andreas markus matthias olaf friedrich karl heinz
uwe günter dieter jörg tobias joachim morten oleg lukas jonas felix florian sebastian
thorsten torsten heiko holger jens sven timo tim moritz niklas johannes ralf rolf
bernd rainer reinhard volker hartmut manfred gerhard werner norbert
josé javier manuel alejandro diego andrés pablo héctor fernando raúl ricardo
joão marcos lucas tiago bruno gustavo rodrigo luiz`)

var femaleNames = set(`abigail alexandra alice alicia alison allison amanda amber amy
ana andrea angela angelina ann anna anne annie april ashley barbara betsy betty beverly
brenda brittany carla carly carmen carol caroline carolyn catherine cathy charlotte
cheryl chelsea christina christine cindy claire clara claudia colleen connie courtney
crystal cynthia dana danielle deborah debbie debra denise diana diane donna doris
dorothy edith eileen elaine eleanor elena elizabeth ellen emily emma erica erin esther
eva evelyn florence frances gail gina gloria grace gwen hannah heather heidi helen
hillary holly hope irene isabel jackie jacqueline jane janet janice jasmine jean jeanne
jennifer jenny jessica jill joan joanne jodi josephine joy joyce judith judy julia
julie june karen katherine kathleen kathryn kathy katie kay kayleigh kelly kellyanne
kim kimberly kirsten kristen laura lauren leslie lillian linda lisa lois loretta lori
louise lucy lynn madeleine margaret maria marie marilyn marsha martha mary megan
melania melanie melissa michelle monica nancy natalie nicole nikki nina norma olivia
pam pamela patricia patty paula peggy penny rachel rebecca regina rita roberta rosa
rose ruth sally samantha sandra sara sarah sharon shirley sonia sophia stephanie sue
susan suzanne sylvia tammy tanya teresa theresa tiffany tina tracy valerie vanessa
veronica victoria virginia wendy whitney yvonne zoe ivanka huma donna debbie elise
jeanne kirsten tammy condoleezza hope sheryl oprah angela theresa jacinda christine
ursula marine nicola golda indira benazir aung yulia
hélène isabelle nathalie françoise sylvie céline camille élise manon léa chloé
katharina petra sabine monika lena claudia susanne ute birgit heike anke silke
kerstin annika franziska johanna lea leonie miriam nadine simone stefanie ulrike
maría lucía elena marta pilar sofía valentina camila carolina gabriela daniela
beatriz juliana fernanda luiza mariana`)

// firstGender returns the gender of a given name, given in lowercase;
// a compound name ("anne-sophie") by its first part.
func firstGender(w string) int {
	if i := strings.IndexByte(w, '-'); i > 0 {
		w = w[:i]
	}
	m, f := maleNames[w] || intlMaleNames[w], femaleNames[w] || intlFemaleNames[w]
	switch {
	case m && !f:
		return genderMale
	case f && !m:
		return genderFemale
	}
	return genderUnknown
}

// abbreviations end with a period that does not end a sentence.
var abbreviations = set(`Mr Mrs Ms Dr Sen Rep Gov Gen Lt Col Capt Sgt St Jr Sr Inc Co Corp
Ltd Prof Rev Jan Feb Mar Apr Aug Sept Sep Oct Nov Dec No vs Ave Mt Ft Adm Cmdr Supt
Atty Pres Messrs Mmes Univ Dept Gov Lt Maj Pvt Cpl Hon Rt Fr Sr Sra Mme Mlle approx
etc al cf e.g i.e Wash Calif Fla Ill Mass Mich Minn Penn Tenn Tex Va Wis Ariz Colo Conn
Del Ga Ind Kan Ky La Md Miss Mo Mont Neb Nev Okla Ore Pa Vt Wyo`)
