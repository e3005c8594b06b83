// Names of zones, admin levels, alert rules and states in the current language.
import type { UnitLevel, Zone } from "../types";
import type { MessageKey } from "./messages";

export const ZoneKeys: Record<Zone, MessageKey> = { red: "zoneRed", yellow: "zoneYellow", green: "zoneGreen" };

export const LevelKeys: Record<UnitLevel, MessageKey> = {
  province: "levelProvince",
  prefecture: "levelPrefecture",
  county: "levelCounty",
  township: "levelTownship",
  village: "levelVillage",
};

export const RuleKeys: Record<string, MessageKey> = {
  scale: "ruleScale",
  "site-employment": "ruleSiteEmployment",
  "household-unassisted": "ruleHouseholdUnassisted",
};

export const StateKeys: Record<string, MessageKey> = {
  pending: "statePending",
  raised: "stateRaised",
  acknowledged: "stateAcknowledged",
  resolved: "stateResolved",
};

/** The message key naming `zone`; anything unknown reads as green, as the tiles draw it. */
export function zoneKey(zone: string): MessageKey {
  return (ZoneKeys as Record<string, MessageKey>)[zone] ?? "zoneGreen";
}
