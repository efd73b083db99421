export interface Catalogue {
  sq: Record<string, string>;
  mk: Record<string, string>;
  en: Record<string, string>;
}
