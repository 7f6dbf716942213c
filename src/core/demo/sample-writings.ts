/**
 * What the fictional Robin Vale wrote: comments and replies with a recognisable voice (short
 * sentences, "honestly", dashes, the odd 🚲 or 🍞, no sign-offs). `page` links a writing to the
 * sample page it answered, when there is one.
 */
export interface SampleWriting {
  site: string;
  page?: string;
  replyTo?: string;
  text: string;
}

export const SAMPLE_WRITINGS: readonly SampleWriting[] = [
  { site: 'citydesk.example', page: 'bike-lanes', text: 'honestly this matches what I see on my commute - the concrete bits feel like a different city. paint does nothing, concrete does everything 🚲' },
  { site: 'citydesk.example', page: 'bike-lanes', replyTo: 'Sure, and now delivery vans park in the lane instead.', text: 'that happens on the painted stretch by the market, not the protected one. loading bays fix that - they put two in on the east corridor and the problem mostly went away.' },
  { site: 'crumbandcrust.example', page: 'sourdough', text: 'can confirm. mine sulked all of january until I moved it on top of the fridge. three feedings later it was doubling again 🍞' },
  { site: 'crumbandcrust.example', page: 'sourdough', replyTo: 'I just add commercial yeast when the starter is slow, nobody can tell.', text: 'people can tell though - it tastes flat. give it a warm spot and a bit of rye first, it is almost always the temperature.' },
  { site: 'devnotes.example', page: 'flaky-tests', text: 'this. a flaky test is a bug report nobody has read yet. we had one that failed every 40th run - turned out to be a timezone assumption at midnight UTC.' },
  { site: 'devnotes.example', page: 'flaky-tests', replyTo: 'We just auto-retry three times in CI, problem solved.', text: 'retries hide the one signal you actually have. fine for a day while you investigate - after that it is just paying interest on a bug.' },
  { site: 'citydesk.example', page: 'ebike-tax', text: 'I like it but honestly bus frequency matters more for most people. do both - the voucher money is tiny compared to the road budget.' },
  { site: 'devnotes.example', page: 'test-pyramid', text: 'measure where your bugs come from first. ours were almost all in the glue between services, which no amount of unit tests would have caught.' },
  { site: 'citydesk.example', page: 'parking', text: 'families circle the block today too - because the parking is free and everyone drives. price it properly and spaces appear. reform vs abolish is a false choice, honestly.' },
  { site: 'citydesk.example', page: 'parking', replyTo: 'Easy to say when you don’t have three kids and a night shift.', text: 'fair - I don’t. but the buildings that got built without minimums near us still have a car park, just a smaller one that people pay for. nobody is banning cars.' },
  { site: 'gearlab.example', page: 'rain-gear', text: 'pit zips are the whole game. my expensive jacket also leaked at the shoulders - where the backpack straps rub. wish reviews tested with a bag on.' },
  { site: 'techpulse.example', page: 'ai-hype', text: 'every five years something is going to replace testers. the hard part was never typing the test - it is knowing what could break. tools help with the typing.' },
  { site: 'citydesk.example', page: 'river-district', text: 'a continuous river path would be amazing. two lanes plus a bus lane is plenty for a street with a school on it. I will go to the consultation.' },
  { site: 'citydesk.example', page: 'river-district', replyTo: 'This will just push traffic onto the side streets.', text: 'some of it, for a while. then people change routes or modes. that is what happened on the bridge closure last year - the gridlock everyone predicted lasted about a week.' },
  { site: 'crumbandcrust.example', page: 'rye-bread', text: 'the waiting a full day part is real and it is torture. cut mine warm once - gummy brick. never again.' },
  { site: 'devnotes.example', page: 'standup', text: 'we went async two years ago. the only thing I miss is hearing that someone is stuck before lunch instead of after. a blockers channel covers most of it.' },
  { site: 'citydesk.example', page: 'helmet-law', text: 'I wear one, but a law is the wrong tool. the places with the most cycling and the fewest deaths have separated lanes, not helmet rules. fix the streets.' },
  { site: 'citydesk.example', page: 'helmet-law', replyTo: 'So you’d rather people crack their heads open?', text: 'no - I’d rather they not get hit in the first place. a helmet helps in a fall. it does very little against a van at 40.' },
  { site: 'crumbandcrust.example', page: 'croissant', text: 'tried this once in july. butter melted into the dough on fold two. it is a winter project, honestly.' },
  { site: 'forum.example', text: 'does anyone know if the night bus still runs past the depot after the timetable change? the app says yes, the stop sign says no.' },
  { site: 'forum.example', replyTo: 'What’s a good first bike for commuting 8 km each way?', text: 'anything with mudguards, a rack and gears you can fix yourself. second-hand hybrid, put decent tyres on it. spend the rest on lights and a lock.' },
  { site: 'forum.example', replyTo: 'Is it worth learning Rust as a tester?', text: 'learn whatever the product is written in - reading the code you test is worth more than any language on your cv.' },
  { site: 'mail.example', text: 'hi sam - sorry, I can’t make thursday. could we move the test review to friday morning? I will have the flaky suite numbers by then.' },
  { site: 'mail.example', text: 'thanks for sending the draft. two small things - the rollback step is missing, and step 4 assumes staging has prod data, which it doesn’t.' },
  { site: 'mail.example', replyTo: 'Can you sign off the release today?', text: 'not yet - the payment flow failed twice this morning on the same step. I am looking now, will tell you by 3.' },
  { site: 'forum.example', replyTo: 'Bread machine or by hand?', text: 'by hand, but only because I like the mess. a machine makes better sandwich bread than I do, honestly 🍞' },
  { site: 'citydesk.example', replyTo: 'Cyclists never stop at red lights anyway.', text: 'some don’t, and some drivers don’t either. I stop - and I would love a junction where stopping didn’t put me in a driver’s blind spot.' },
  { site: 'devnotes.example', replyTo: 'Manual testing is dead.', text: 'exploratory testing found our three worst bugs last year. none of them were in a spec, so no script would have checked them.' },
  { site: 'forum.example', replyTo: 'Any tips for cycling in winter?', text: 'lights on even at noon, wider tyres at lower pressure, and leave five minutes earlier so you never rush a junction. ice is the only day I take the bus.' },
  { site: 'mail.example', text: 'hi jo - the bug is back on 2.3.1. steps to reproduce attached. looks like the cache is keyed by user but not by region.' },
  { site: 'forum.example', replyTo: 'Why is my bread so flat?', text: 'probably overproofed - or your starter was past its peak when you mixed. poke test before it goes in: slow spring back means ready.' },
  { site: 'citydesk.example', replyTo: 'Bike lanes are empty, nobody uses them.', text: 'counted it once on the way home - 140 bikes in 15 minutes on the east corridor. they look empty because bikes don’t queue.' },
  { site: 'devnotes.example', replyTo: 'How do you convince managers to fund test infrastructure?', text: 'show them the hours lost to re-runs. we logged every retry for a month - it came to two people full time. the budget appeared the next week.' },
  { site: 'forum.example', replyTo: 'Should I get an e-bike or a normal bike?', text: 'depends on hills and sweat. if you have to arrive at work looking human, e-bike. otherwise a normal bike is cheaper and you will get fit without noticing.' },
  { site: 'mail.example', text: 'quick one - the test env is down again. I have restarted it, but we should find out why it keeps running out of disk.' },
  { site: 'citydesk.example', replyTo: 'The river path is a waste of money.', text: 'it is the cheapest part of the plan and the bit people will actually use every day. walk along the old docks on a sunny saturday and count the prams.' },
  { site: 'crumbandcrust.example', replyTo: 'What flour do you use for your starter?', text: 'mostly white bread flour with about a fifth whole rye. the rye is what wakes it up.' },
  { site: 'devnotes.example', replyTo: 'Code coverage should be 100%.', text: 'coverage tells you what you didn’t test, not what you did. 100% with weak asserts is worse than 70% with good ones.' },
  { site: 'forum.example', text: 'lost a rear light somewhere between the market and the bridge this morning. red, clip-on, slightly sad looking. if you find it, it misses me.' },
  { site: 'mail.example', replyTo: 'Are you coming to the team dinner?', text: 'yes! I will cycle, so if it’s the place up the hill I might arrive a bit late and a bit sweaty.' },
];
