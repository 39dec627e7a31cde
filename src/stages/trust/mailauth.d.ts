// mailauth ships no types for these internals; only the shapes the stage reads are declared.
declare module 'mailauth/lib/dmarc/get-dmarc-record.js' {
  type Resolver = (name: string, type: string) => Promise<unknown[]>;
  interface DmarcRecord {
    v?: string;
    p?: string;
    rua?: string;
    rr: string;
    isOrgRecord: boolean;
    [tag: string]: unknown;
  }
  const getDmarcRecord: (domain: string, resolver?: Resolver) => Promise<DmarcRecord | false>;
  export default getDmarcRecord;
}
