// Range indexes behind the filters and sort orders the read API offers.
CREATE INDEX organization_acronym IF NOT EXISTS FOR (n:Organization) ON (n.acronym);
CREATE INDEX organization_kind IF NOT EXISTS FOR (n:Organization) ON (n.kind);
CREATE INDEX organization_name IF NOT EXISTS FOR (n:Organization) ON (n.name);
CREATE INDEX event_year IF NOT EXISTS FOR (n:Event) ON (n.year);
CREATE INDEX event_name IF NOT EXISTS FOR (n:Event) ON (n.name);
CREATE INDEX country_name IF NOT EXISTS FOR (n:Country) ON (n.name);
CREATE INDEX theme_name IF NOT EXISTS FOR (n:Theme) ON (n.name);
CREATE INDEX project_name IF NOT EXISTS FOR (n:Project) ON (n.name);
CREATE INDEX claim_name IF NOT EXISTS FOR (n:Claim) ON (n.name);
