// SVG files are bundled as strings (by the builder, and by Jest's raw loader).
declare module '*.svg' {
  const value: string;
  export default value;
}
